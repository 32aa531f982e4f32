import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { appBench, type AppFigures } from './appBench';
import { bundleFigures, type BundleFigures } from './bundleFigures';
import { FREE_PORTS, ingestApp, ingestRaw, measureStorage, onStoragePage, type StorageFigures } from './browserBench';
import type { DurabilityFigures } from './page/benchPage';
import { pushBench, type PushFigure } from './pushBench';

export interface BenchOptions {
  sizes: number[];
  samples: number;
  pending: number;
  typingSamples: number;
  pushOps: number;
  latencyMs: number;
  concurrencies: number[];
  /** Issue → slip in the app, and the issue transaction at each durability, this many times. */
  issueSamples: number;
  /** The backlog: this many queued operations pushed at `latencyMs` with `backlogConcurrency` (0: skip). */
  backlogOps: number;
  backlogConcurrency: number;
  log: (line: string) => void;
}

export interface BenchResults {
  at: string;
  options: Omit<BenchOptions, 'log'> & { log?: undefined };
  storage: StorageFigures[];
  durability: DurabilityFigures;
  app: AppFigures[];
  push: PushFigure[];
  backlog: PushFigure | null;
  bundle: BundleFigures;
}

export const APP_ROOT = resolve(import.meta.dirname, '../..');

async function buildAll(): Promise<void> {
  const configFile = join(APP_ROOT, 'vite.config.ts');
  for (const mode of ['renderer', 'shell-preload', 'main', 'preload', 'bench']) await build({ configFile, mode, logLevel: 'warn' });
}

/** The issue transaction with strict beside relaxed durability, on databases of its own. */
async function durabilityBench(samples: number, log: (line: string) => void): Promise<DurabilityFigures> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'bench-durability-'));
  try {
    return (await onStoragePage(APP_ROOT, userDataDir, FREE_PORTS, log, (pages) => pages.app('durability', samples))).result;
  } finally {
    await rm(userDataDir, { recursive: true, force: true });
  }
}

/** Every figure of the performance issue, each beside its raw-IndexedDB twin or its ideal. */
export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const { log } = options;
  log('building…');
  await buildAll();
  const app: AppFigures[] = [];
  const storage: StorageFigures[] = [];
  // The app part starts on the database the storage part's ingest wrote, so no size is written twice.
  for (const size of options.sizes) {
    const userDataDir = await mkdtemp(join(tmpdir(), 'bench-'));
    try {
      const { result: appIngest, ports } = await onStoragePage(APP_ROOT, userDataDir, FREE_PORTS, log, (pages) => ingestApp(pages, size, log));
      app.push(await appBench(APP_ROOT, size, { userDataDir, port: ports.app }, { typing: options.typingSamples, issues: options.issueSamples }, log));
      const ingest = (await onStoragePage(APP_ROOT, userDataDir, ports, log, (pages) => ingestRaw(pages, size, appIngest, log))).result;
      storage.push((await onStoragePage(APP_ROOT, userDataDir, ports, log, (pages) => measureStorage(pages, userDataDir, size, ingest, options, log))).result);
    } finally {
      await rm(userDataDir, { recursive: true, force: true });
    }
  }
  log(`issue transaction, strict and relaxed durability, ${options.issueSamples} each…`);
  const durability = await durabilityBench(options.issueSamples, log);
  const push: PushFigure[] = [];
  for (const concurrency of options.concurrencies) {
    log(`push: ${options.pushOps} operations at ${options.latencyMs} ms latency, concurrency ${concurrency}…`);
    const figure = await pushBench(options.pushOps, options.latencyMs, concurrency, { warm: true });
    log(`push c=${concurrency}: wall ÷ ideal ${figure.ratio.toFixed(2)} (a bare client ${figure.raw.ratio.toFixed(2)}, again warm ${figure.warm?.ratio.toFixed(2)}), CPU per op: renderer ${figure.cpuMsPerOp.renderer.toFixed(2)} ms, main ${figure.cpuMsPerOp.main.toFixed(2)} ms`);
    push.push(figure);
  }
  let backlog: PushFigure | null = null;
  if (options.backlogOps > 0) {
    log(`backlog: ${options.backlogOps} operations at ${options.latencyMs} ms latency, concurrency ${options.backlogConcurrency}…`);
    backlog = await pushBench(options.backlogOps, options.latencyMs, options.backlogConcurrency);
    log(`backlog: wall ÷ ideal ${backlog.ratio.toFixed(2)} (a bare client ${backlog.raw.ratio.toFixed(2)}), heap ${(backlog.heap.queuedBytes / 2 ** 20).toFixed(1)} → ${(backlog.heap.drainedBytes / 2 ** 20).toFixed(1)} MB`);
  }
  const recorded = { ...options, log: undefined };
  return { at: new Date().toISOString(), options: recorded, storage, durability, app, push, backlog, bundle: await bundleFigures(APP_ROOT) };
}

export async function saveResults(results: BenchResults, dir = join(APP_ROOT, 'bench-results')): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'latest.json');
  await writeFile(path, `${JSON.stringify(results, null, 2)}\n`);
  return path;
}
