import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../scripts/browser-shell/browserShell';
import { CROSS_ORIGIN_ISOLATION, startRendererServer, type RendererServer } from '../../scripts/browser-shell/rendererServer';
import { findChromium } from '../../scripts/browser-shell/findChromium';
import type { BenchPage, LookupKind, Rate, Spread } from './page/benchPage';

export interface StorageFigures {
  size: number;
  ingest: { app: Rate; raw: Rate };
  lookups: Record<LookupKind, { app: Spread; raw: Spread; dexieOneRead: Spread; found: number }>;
  statusCounts: Spread & { pending: number };
}

export function chromiumOrFail(): string {
  const path = findChromium();
  if (!path) throw new Error('The benchmark runs in Chromium: apt-get install chromium, or set CHROMIUM_PATH.');
  return path;
}

export type StorageCall = <K extends keyof BenchPage>(name: K, ...args: Parameters<BenchPage[K]>) => ReturnType<BenchPage[K]>;

/**
 * Runs `work` on the storage page in real Chromium, its profile in `userDataDir/chromium` (where the
 * browser shell keeps it) and its origin on `port` (0: a free one), so the app's database the page
 * writes is the one the app opens from the same folder and port. Returns the port it used.
 */
export async function onStoragePage<T>(appRoot: string, userDataDir: string, port: number, log: (line: string) => void, work: (call: StorageCall) => Promise<T>): Promise<{ result: T; port: number }> {
  let server: RendererServer | null = null;
  let context: BrowserContext | null = null;
  try {
    server = await startRendererServer(resolve(appRoot, 'dist/bench'), port, CROSS_ORIGIN_ISOLATION);
    context = await chromium.launchPersistentContext(join(userDataDir, 'chromium'), { executablePath: chromiumOrFail(), headless: true, args: CHROMIUM_ARGS });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (message.text().startsWith('bench: ')) log(message.text().slice('bench: '.length));
    });
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => window.tokenDeskBench !== undefined);
    if (!(await page.evaluate(() => window.tokenDeskBench!.crossOriginIsolated()))) {
      throw new Error('The benchmark page is not cross-origin isolated, so its timer ticks in 0.1 ms steps: serve it with COOP and COEP.');
    }
    const call = pageCall(page);
    const result = await work(call);
    await call('close');
    return { result, port: Number(new URL(server.url).port) };
  } finally {
    await context?.close();
    await server?.close();
  }
}

function pageCall(page: Page): StorageCall {
  return <K extends keyof BenchPage>(name: K, ...args: Parameters<BenchPage[K]>) =>
    page.evaluate(({ name, args }) => (window.tokenDeskBench![name] as (...a: unknown[]) => unknown)(...args), { name, args }) as ReturnType<BenchPage[K]>;
}

/** The app's ingest of `size` tokens into its own database, which the app part then starts on. */
export async function ingestApp(call: StorageCall, size: number, log: (line: string) => void): Promise<Rate> {
  log(`ingesting ${size} tokens into the app's database…`);
  const app = await call('ingestApp', size);
  log(`app ingest ${size}: ${app.perSecond.toFixed(0)}/s`);
  return app;
}

/** After the app part: raw IndexedDB's ingest of the same rows, then lookups and status counts side by side. */
export async function measureStorage(call: StorageCall, size: number, app: Rate, options: { samples: number; pending: number }, log: (line: string) => void): Promise<StorageFigures> {
  log(`ingesting the same ${size} tokens into raw IndexedDB…`);
  const ingest = { app, raw: await call('ingestRaw', size) };
  log(`ingest ${size}: app ${ingest.app.perSecond.toFixed(0)}/s, raw ${ingest.raw.perSecond.toFixed(0)}/s`);
  const lookups = {} as StorageFigures['lookups'];
  for (const kind of ['code', 'identifier', 'number', 'prefix'] as const) {
    log(`lookups by ${kind} at ${size}…`);
    lookups[kind] = await call('lookups', size, kind, options.samples);
    const { app, raw } = lookups[kind];
    log(`lookup ${kind} ${size}: p50 app ${app.p50.toFixed(2)} ms, raw ${raw.p50.toFixed(2)} ms; p99 app ${app.p99.toFixed(2)} ms, raw ${raw.p99.toFixed(2)} ms`);
  }
  log(`status counts at ${size} with ${options.pending} pending…`);
  const statusCounts = await call('statusCounts', size, options.pending, 200);
  log(`status counts ${size}: p50 ${statusCounts.p50.toFixed(2)} ms, p95 ${statusCounts.p95.toFixed(2)} ms`);
  return { size, ingest, lookups, statusCounts };
}
