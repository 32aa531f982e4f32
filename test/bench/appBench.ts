import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowserShell } from '../../scripts/browser-shell/browserShell';
import { fromServer } from '../../renderer/storage/serverCopies';
import type { TokenRow } from '../../renderer/storage/rows';
import { codeOf, serverTokenOf } from './benchRecords';
import { chromiumOrFail } from './browserBench';

export interface AppFigures {
  size: number;
  /** From navigation start to the Find input being ready, with `size` tokens cached. */
  coldStartMs: number;
  /** From a keystroke to the result list in the DOM. */
  findAsYouType: { p50: number; p95: number; samples: number };
}

/** The rows the app itself stores for tokens pulled from the CRM (confirmed at time 0, so none is "recent"). */
const appRow = (i: number): TokenRow => fromServer(serverTokenOf(i), 0, false);

const CHUNK = 5_000;

/** The real app in the browser shell: seed its IndexedDB, then time cold start and find-as-you-type. */
export async function appBench(appRoot: string, size: number, samples: number, log: (line: string) => void): Promise<AppFigures> {
  const shell = await launchBrowserShell({
    appRoot,
    chromiumPath: chromiumOrFail(),
    userDataDir: await mkdtemp(join(tmpdir(), 'bench-app-')),
    headless: true,
    port: 0,
  });
  try {
    const { page } = shell;
    await page.getByRole('searchbox', { name: 'Search tokens' }).waitFor();
    log(`seeding the app's cache with ${size} tokens…`);
    for (let start = 0; start < size; start += CHUNK) {
      const rows = Array.from({ length: Math.min(CHUNK, size - start) }, (_, k) => appRow(start + k));
      await page.evaluate(seedTokens, rows);
    }
    log('cold start…');
    await page.reload();
    await page.getByRole('searchbox', { name: 'Search tokens' }).waitFor();
    const coldStartMs = await page.evaluate(() => performance.now());
    log('find-as-you-type…');
    // tsx keeps function names with an `__name` helper that the page does not have.
    await page.evaluate('globalThis.__name = (fn) => fn');
    const codes = Array.from({ length: samples }, (_, k) => codeOf((k * 7919) % size));
    const times = await page.evaluate(typeAndWait, codes);
    const sorted = [...times].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    return { size, coldStartMs, findAsYouType: { p50: at(0.5), p95: at(0.95), samples: times.length } };
  } finally {
    await shell.close();
  }
}

/** Runs in the page: writes rows straight into the app's tokens store. */
function seedTokens(rows: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('token-desk');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('tokens', 'readwrite');
      const store = tx.objectStore('tokens');
      for (const row of rows) store.put(row);
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/**
 * Runs in the page: for each code, types it into the Find input and waits for the result list to
 * show it, with performance marks around each keystroke.
 */
async function typeAndWait(codes: string[]): Promise<number[]> {
  const input = document.querySelector<HTMLInputElement>('input[aria-label="Search tokens"], input[type="search"]');
  if (!input) throw new Error('no Find input');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  const shows = (code: string) => document.querySelector('[aria-label="Search results"]')?.textContent?.includes(code) ?? false;
  const times: number[] = [];
  for (const [i, code] of codes.entries()) {
    const rendered = new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        if (shows(code)) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    performance.mark(`find:keystroke:${i}`);
    setValue?.call(input, code);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await rendered;
    performance.mark(`find:rendered:${i}`);
    times.push(performance.measure(`find:${i}`, `find:keystroke:${i}`, `find:rendered:${i}`).duration);
  }
  return times;
}
