import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../scripts/browser-shell/browserShell';
import { CROSS_ORIGIN_ISOLATION, startRendererServer, type RendererServer } from '../../scripts/browser-shell/rendererServer';
import { findChromium } from '../../scripts/browser-shell/findChromium';
import { chromiumBrowserPid, processStats } from '../../scripts/browser-shell/chromiumProcess';
import type { BenchPage, Rate } from './page/benchPage';
import { keysOf, spread, type LookupKind, type Spread } from './benchSamples';

export interface StorageFigures {
  size: number;
  ingest: { app: Rate; raw: Rate };
  lookups: Record<LookupKind, { app: Spread; raw: Spread; dexieOneRead: Spread; rawAppIndex: Spread; found: number; foundInAppIndex: number }>;
  statusCounts: Spread & { pending: number };
}

export function chromiumOrFail(): string {
  const path = findChromium();
  if (!path) throw new Error('The benchmark runs in Chromium: apt-get install chromium, or set CHROMIUM_PATH.');
  return path;
}

export type StorageCall = <K extends keyof BenchPage>(name: K, ...args: Parameters<BenchPage[K]>) => ReturnType<BenchPage[K]>;

/** The storage page twice: on the app's origin, and on an origin of its own for raw IndexedDB (so a LevelDB of its own). */
export interface StoragePages {
  app: StorageCall;
  raw: StorageCall;
}

/** Where the storage pages' browser keeps its profile: where the browser shell keeps the app's. */
const storageProfile = (userDataDir: string) => join(userDataDir, 'chromium');

/** The two pages' ports, so their origins (and databases) are the same from one browser to the next; 0: a free one. */
export interface StoragePorts {
  app: number;
  raw: number;
}

export const FREE_PORTS: StoragePorts = { app: 0, raw: 0 };

/**
 * Runs `work` on the storage pages in real Chromium, the profile in `userDataDir/chromium` (where the
 * browser shell keeps it) and the pages on `ports`, so the app's database it writes is the one the
 * app opens from the same folder and port. Returns the ports it used.
 */
export async function onStoragePage<T>(appRoot: string, userDataDir: string, ports: StoragePorts, log: (line: string) => void, work: (pages: StoragePages) => Promise<T>): Promise<{ result: T; ports: StoragePorts }> {
  const servers: RendererServer[] = [];
  let context: BrowserContext | null = null;
  try {
    for (const at of [ports.app, ports.raw]) servers.push(await startRendererServer(resolve(appRoot, 'dist/bench'), at, CROSS_ORIGIN_ISOLATION));
    context = await chromium.launchPersistentContext(storageProfile(userDataDir), { executablePath: chromiumOrFail(), headless: true, args: CHROMIUM_ARGS });
    const opened = context;
    const [app, raw] = await Promise.all(servers.map(async (server, k) => openPage(k === 0 ? (opened.pages()[0] ?? (await opened.newPage())) : await opened.newPage(), server.url, log)));
    const result = await work({ app: app!, raw: raw! });
    await Promise.all([app!('close'), raw!('close')]);
    const [appPort, rawPort] = servers.map((server) => Number(new URL(server.url).port));
    return { result, ports: { app: appPort!, raw: rawPort! } };
  } finally {
    await context?.close();
    for (const server of servers) await server.close();
  }
}

async function openPage(page: Page, url: string, log: (line: string) => void): Promise<StorageCall> {
  page.on('console', (message) => {
    if (message.text().startsWith('bench: ')) log(message.text().slice('bench: '.length));
  });
  await page.goto(`${url}/index.html`);
  await page.waitForFunction(() => window.tokenDeskBench !== undefined);
  if (!(await page.evaluate(() => window.tokenDeskBench!.crossOriginIsolated()))) {
    throw new Error('The benchmark page is not cross-origin isolated, so its timer ticks in 0.1 ms steps: serve it with COOP and COEP.');
  }
  return <K extends keyof BenchPage>(name: K, ...args: Parameters<BenchPage[K]>) =>
    page.evaluate(({ name, args }) => (window.tokenDeskBench![name] as (...a: unknown[]) => unknown)(...args), { name, args }) as ReturnType<BenchPage[K]>;
}

/** The app's ingest of `size` tokens into its own database, which the app part then starts on. */
export async function ingestApp(pages: StoragePages, size: number, log: (line: string) => void): Promise<Rate> {
  log(`ingesting ${size} tokens into the app's database…`);
  const app = await pages.app('ingestApp', size);
  log(`app ingest ${size}: ${app.perSecond.toFixed(0)}/s`);
  return app;
}

const WARM_UP = 200;
/** Samples a page runs before the other page takes its turn: enough for a warm loop, as one page had. */
const TURN = 20;

/**
 * The app's lookup against a raw index read of the same keys, the two pages taking turns of TURN
 * samples, each timed in its own page. An untimed warm-up first, the same for both, so the settling
 * after an ingest is not counted.
 */
async function lookups(pages: StoragePages, n: number, kind: LookupKind, samples: number): Promise<StorageFigures['lookups'][LookupKind]> {
  const warm = [...keysOf(n, Math.min(WARM_UP, samples))].map((i) => n - 1 - i);
  await pages.app('appLookups', n, kind, warm);
  await pages.raw('rawLookups', n, kind, warm);
  const records = [...keysOf(n, samples)];
  const times = { app: [] as number[], raw: [] as number[], dexie: [] as number[], rawAppIndex: [] as number[] };
  let found = 0;
  let foundInAppIndex = 0;
  for (let from = 0; from < records.length; from += TURN) {
    const turn = records.slice(from, from + TURN);
    const app = await pages.app('appLookups', n, kind, turn);
    times.app.push(...app.app);
    times.dexie.push(...app.dexieOneRead);
    found += app.found;
    const raw = await pages.raw('rawLookups', n, kind, turn);
    times.raw.push(...raw.raw);
    times.rawAppIndex.push(...raw.appIndex);
    foundInAppIndex += raw.foundInAppIndex;
  }
  return { app: spread(times.app), raw: spread(times.raw), dexieOneRead: spread(times.dexie), rawAppIndex: spread(times.rawAppIndex), found, foundInAppIndex };
}

/** After the app part: raw IndexedDB's ingest of the same tokens, on its own page's origin. */
export async function ingestRaw(pages: StoragePages, size: number, app: Rate, log: (line: string) => void): Promise<StorageFigures['ingest']> {
  log(`ingesting the same ${size} tokens into raw IndexedDB…`);
  // The app's database open first: it settles what its writes left (LevelDB compactions) during the raw
  // ingest, on a LevelDB of its own.
  await pages.app('openAppDb', size);
  const ingest = { app, raw: await pages.raw('ingestRaw', size) };
  log(`ingest ${size}: app ${ingest.app.perSecond.toFixed(0)}/s, raw ${ingest.raw.perSecond.toFixed(0)}/s`);
  return ingest;
}

/** CPU a browser and its helpers may use while counted idle: 5 of 100 clock ticks a second. */
const IDLE_TICKS = 5;
const SETTLE_CEILING_MS = 600_000;

/** User and system CPU so far, in clock ticks, of process `root` and every process under it. */
async function treeTicks(root: number): Promise<number> {
  const stats = await processStats();
  const under = (pid: number): boolean => pid === root || (pid > 1 && stats.has(pid) && under(stats.get(pid)!.parent));
  return [...stats].reduce((sum, [pid, { ticks }]) => (under(pid) ? sum + ticks : sum), 0);
}

/**
 * Waits until the browser on `userDataDir` (the storage pages' or the shell's: where IndexedDB and
 * LevelDB's compactions run) has been idle for two seconds in a row, so what is timed next meets its
 * databases settled, as a counter's app meets its own after a start, and shares the machine with no
 * compaction the bench's own ingest left. `what` names the databases in the log.
 */
export async function settle(userDataDir: string, what: string, log: (line: string) => void): Promise<void> {
  const pid = await chromiumBrowserPid(storageProfile(userDataDir));
  if (pid === null) throw new Error(`no Chromium browser process on ${storageProfile(userDataDir)}`);
  const start = Date.now();
  let [quiet, last] = [0, await treeTicks(pid)];
  while (quiet < 2) {
    if (Date.now() - start > SETTLE_CEILING_MS) {
      log(`${what} did not settle in ${SETTLE_CEILING_MS / 1000} s; timing anyway`);
      return;
    }
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 1_000));
    const now = await treeTicks(pid);
    quiet = now - last <= IDLE_TICKS ? quiet + 1 : 0;
    last = now;
  }
  log(`${what} settled after ${((Date.now() - start) / 1000).toFixed(0)} s`);
}

/**
 * In a new browser: both databases opened from disk and left to settle, then lookups side by side,
 * then status counts.
 */
export async function measureStorage(pages: StoragePages, userDataDir: string, size: number, ingest: StorageFigures['ingest'], options: { samples: number; pending: number }, log: (line: string) => void): Promise<StorageFigures> {
  await pages.app('openAppDb', size);
  await pages.raw('openRawDb', size);
  await settle(userDataDir, 'both databases', log);
  const found = {} as StorageFigures['lookups'];
  for (const kind of ['code', 'identifier', 'number', 'prefix'] as const) {
    log(`lookups by ${kind} at ${size}…`);
    found[kind] = await lookups(pages, size, kind, options.samples);
    const { app, raw } = found[kind];
    log(`lookup ${kind} ${size}: p50 app ${app.p50.toFixed(2)} ms, raw ${raw.p50.toFixed(2)} ms; p99 app ${app.p99.toFixed(2)} ms, raw ${raw.p99.toFixed(2)} ms`);
  }
  log(`status counts at ${size} with ${options.pending} pending…`);
  const statusCounts = await pages.app('statusCounts', size, options.pending, 200);
  log(`status counts ${size}: p50 ${statusCounts.p50.toFixed(2)} ms, p95 ${statusCounts.p95.toFixed(2)} ms`);
  return { size, ingest, lookups: found, statusCounts };
}
