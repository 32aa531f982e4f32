import { mkdtemp, rm } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowserShell, type BrowserShell } from '../../scripts/browser-shell/browserShell';
import { signInFirstManager } from '../e2e/shellHarness';
import { codeOf } from './benchRecords';
import { spread } from './benchSamples';
import { chromiumOrFail, settle } from './browserBench';

export interface Percentiles {
  p50: number;
  p95: number;
  samples: number;
}

export interface AppFigures {
  size: number;
  /** From navigation start to the Find input being ready, with `size` tokens cached. */
  coldStartMs: number;
  /** The renderer's used JS heap after a cold start and a full garbage collection: empty cache, then `size` tokens. */
  heap: { emptyBytes: number; afterColdStartBytes: number };
  /** From a keystroke to the result list in the DOM, each key typed once the last answer was drawn, as a person types. */
  findAsYouType: Percentiles;
  /** The same, each key typed as the last answer lands in the DOM: every time also holds the last answer's frame. */
  findBackToBack: Percentiles;
  /** From pressing "Issue token" to the slip on screen, with the app's own (strict) durability. */
  issueToSlip: Percentiles;
  /** The same, alternating with it, with the page's read-write transactions opened relaxed. */
  issueToSlipRelaxed: Percentiles;
}

function percentiles(times: number[]): Percentiles {
  const { p50, p95 } = spread(times);
  return { p50, p95, samples: times.length };
}

/** Used JS heap of the page after a full garbage collection. */
async function usedHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  } finally {
    await cdp.detach();
  }
}

/** The app in the browser shell on `home`, its first manager signed in and Find shown. */
async function signedInShell(appRoot: string, home: AppHome): Promise<BrowserShell> {
  const shell = await launchBrowserShell({ appRoot, chromiumPath: chromiumOrFail(), userDataDir: home.userDataDir, headless: true, port: home.port });
  try {
    await signInFirstManager(shell.page);
    await shell.page.getByRole('searchbox', { name: 'Search tokens' }).waitFor();
    return shell;
  } catch (error) {
    await shell.close();
    throw error;
  }
}

/** The renderer's heap after sign-in with nothing cached, in a shell of its own. */
async function emptyCacheHeap(appRoot: string): Promise<number> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'bench-empty-'));
  const shell = await signedInShell(appRoot, { userDataDir, port: 0 });
  try {
    return await usedHeap(shell.page);
  } finally {
    await shell.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

const COLD_START_CEILING_MS = 180_000;

/**
 * Runs in the page before the app: while `__benchRelaxed` is set, read-write transactions are opened
 * with relaxed durability instead of the app's own, so the same issue can be timed both ways.
 */
const RELAXABLE_DURABILITY = `(() => {
  const open = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (stores, mode, options) {
    const relaxed = globalThis.__benchRelaxed === true && mode === 'readwrite';
    return open.call(this, stores, mode, relaxed ? { ...options, durability: 'relaxed' } : options);
  };
})();`;

/** Where the storage part left the app's database of `size` tokens: the shell's folder and port. */
export interface AppHome {
  userDataDir: string;
  port: number;
}

/** The real app in the browser shell, on the database the storage part wrote: cold start, find-as-you-type and issue → slip. */
export async function appBench(appRoot: string, size: number, home: AppHome, samples: { typing: number; issues: number }, log: (line: string) => void): Promise<AppFigures> {
  const emptyBytes = await emptyCacheHeap(appRoot);
  const shell = await signedInShell(appRoot, home);
  try {
    const { page } = shell;
    const appUrl = page.url();
    log('cold start…');
    await page.context().addInitScript(RELAXABLE_DURABILITY);
    await page.goto(appUrl);
    // The figure is the page's own clock; the wait only bounds a stuck start.
    await page
      .getByRole('searchbox', { name: 'Search tokens' })
      .waitFor({ timeout: COLD_START_CEILING_MS })
      .catch(async (error: unknown) => {
        const shown = await page.evaluate(() => document.body.innerText.slice(0, 300)).catch(() => '(unreadable)');
        throw new Error(`the app did not reach Find after a cold start with ${size} tokens; it shows: ${shown}`, { cause: error });
      });
    const coldStartMs = await page.evaluate(() => performance.now());
    const afterColdStartBytes = await usedHeap(page);
    log(`cold start ${size}: ${coldStartMs.toFixed(0)} ms; heap ${mib(afterColdStartBytes)} (empty cache ${mib(emptyBytes)})`);
    // LevelDB still compacts what the bench's ingest wrote just before; a counter's cache was written long ago.
    await settle(home.userDataDir, "the app's database", log);
    log(`find-as-you-type at ${size}…`);
    // tsx keeps function names with an `__name` helper that the page does not have.
    await page.evaluate('globalThis.__name = (fn) => fn');
    const typed = await typeBothWays(page, size, samples.typing);
    const [findAsYouType, findBackToBack] = [percentiles(typed.typed), percentiles(typed.backToBack)];
    log(`find-as-you-type ${size}: p50 ${findAsYouType.p50.toFixed(1)} ms, p95 ${findAsYouType.p95.toFixed(1)} ms; back to back p50 ${findBackToBack.p50.toFixed(1)}, p95 ${findBackToBack.p95.toFixed(1)} ms`);
    log(`issue → slip at ${size}, strict and relaxed by turns…`);
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Issue', exact: true }).click();
    await checkDurabilitySwitch(page);
    const issues = { strict: [] as number[], relaxed: [] as number[] };
    for (let k = 0; k < samples.issues; k += 1) {
      for (const mode of ['strict', 'relaxed'] as const) {
        await page.evaluate(`globalThis.__benchRelaxed = ${mode === 'relaxed'}`);
        issues[mode].push(await issueOnce(page, `SLIP${size}${mode[0]!.toUpperCase()}${k}`));
      }
    }
    const issueToSlip = percentiles(issues.strict);
    const relaxed = percentiles(issues.relaxed);
    log(`issue → slip ${size}: strict p50 ${issueToSlip.p50.toFixed(1)} ms, p95 ${issueToSlip.p95.toFixed(1)} ms; relaxed p50 ${relaxed.p50.toFixed(1)} ms`);
    return { size, coldStartMs, heap: { emptyBytes, afterColdStartBytes }, findAsYouType, findBackToBack, issueToSlip, issueToSlipRelaxed: relaxed };
  } finally {
    await shell.close();
  }
}

/** The page's transactions really are opened relaxed when asked, and strict (as the app asks) otherwise. */
async function checkDurabilitySwitch(page: Page): Promise<void> {
  for (const relaxed of [true, false]) {
    const durability = await page.evaluate(`(() => {
      globalThis.__benchRelaxed = ${relaxed};
      return new Promise((resolve, reject) => {
        const open = indexedDB.open('token-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('tokens', 'readwrite', { durability: 'strict' });
          resolve(tx.durability);
          tx.abort();
          open.result.close();
        };
      });
    })()`);
    if (durability !== (relaxed ? 'relaxed' : 'strict')) throw new Error(`a ${relaxed ? 'relaxed' : 'strict'} issue would run with durability ${String(durability)}`);
  }
}

/** Fills the Issue form as a counter would, then times "Issue token" → slip in the page, and goes back to the form. */
async function issueOnce(page: Page, identifier: string): Promise<number> {
  const form = page.getByRole('form', { name: 'Issue token' });
  await form.getByLabel('Identifier', { exact: true }).fill(identifier);
  await form.getByLabel('Pass code', { exact: true }).fill('4821');
  const ms = await page.evaluate(clickAndWaitForSlip);
  await page.getByRole('button', { name: 'Issue another' }).click();
  return ms;
}

const TYPING_ROUNDS = 4;

/** `count` keystrokes each way, by turns in rounds (so neither way gets the warmer page), each way its own codes. */
async function typeBothWays(page: Page, size: number, count: number): Promise<{ typed: number[]; backToBack: number[] }> {
  const codes = (offset: number) => Array.from({ length: count }, (_, k) => codeOf((k * 7919 + offset) % size));
  const [typedCodes, backCodes] = [codes(0), codes(3)];
  const times = { typed: [] as number[], backToBack: [] as number[] };
  for (let round = 0; round < TYPING_ROUNDS; round += 1) {
    const [from, to] = [Math.round((round * count) / TYPING_ROUNDS), Math.round(((round + 1) * count) / TYPING_ROUNDS)];
    const ways = [() => typeAndWait(page, typedCodes.slice(from, to), true, times.typed), () => typeAndWait(page, backCodes.slice(from, to), false, times.backToBack)];
    for (const way of round % 2 === 0 ? ways : ways.reverse()) await way();
  }
  return times;
}

async function typeAndWait(page: Page, codes: string[], afterFrame: boolean, into: number[]): Promise<void> {
  into.push(...(await page.evaluate(typeInPage, [codes, afterFrame] as const)));
}

/**
 * Runs in the page: for each code, types it into the Find input and waits for the result list to
 * show it, with performance marks around each keystroke. `afterFrame`: each key waits until the last
 * answer was drawn (a frame, and the task after it), as keys a person types do.
 */
async function typeInPage([codes, afterFrame]: readonly [string[], boolean]): Promise<number[]> {
  const input = document.querySelector<HTMLInputElement>('input[aria-label="Search tokens"], input[type="search"]');
  if (!input) throw new Error('no Find input');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  const shows = (code: string) => document.querySelector('[aria-label="Search results"]')?.textContent?.includes(code) ?? false;
  const times: number[] = [];
  for (const [i, code] of codes.entries()) {
    if (afterFrame) await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
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

/** Runs in the page: presses "Issue token" and times it to the slip on screen. */
async function clickAndWaitForSlip(): Promise<number> {
  const button = document.querySelector('form[aria-label="Issue token"] button[type="submit"]');
  if (!(button instanceof HTMLButtonElement)) throw new Error('no Issue token button');
  const slip = () => document.querySelector('output[aria-label="Issued authentication code"]');
  const shown = new Promise<void>((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (!slip()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    setTimeout(() => reject(new Error(`no slip after 30 s: ${document.querySelector('[role="alert"]')?.textContent ?? 'no message'}`)), 30_000);
  });
  const started = performance.now();
  button.click();
  await shown;
  return performance.now() - started;
}
