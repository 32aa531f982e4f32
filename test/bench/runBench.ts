import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { appBench, type AppFigures } from './appBench';
import { storageBench, type StorageFigures } from './browserBench';
import { pushBench, type PushFigure } from './pushBench';

export interface BenchOptions {
  sizes: number[];
  samples: number;
  pending: number;
  typingSamples: number;
  pushOps: number;
  latencyMs: number;
  concurrencies: number[];
  log: (line: string) => void;
}

export interface BundleFigures {
  rendererGzipBytes: number;
  mainBytes: number;
  preloadBytes: number;
}

export interface BenchResults {
  at: string;
  options: Omit<BenchOptions, 'log'> & { log?: undefined };
  storage: StorageFigures[];
  app: AppFigures;
  push: PushFigure[];
  bundle: BundleFigures;
}

export const APP_ROOT = resolve(import.meta.dirname, '../..');

async function buildAll(): Promise<void> {
  const configFile = join(APP_ROOT, 'vite.config.ts');
  for (const mode of ['renderer', 'shell-preload', 'main', 'preload', 'bench']) await build({ configFile, mode, logLevel: 'warn' });
}

async function bundleFigures(): Promise<BundleFigures> {
  const assets = join(APP_ROOT, 'dist/renderer/assets');
  let rendererGzipBytes = 0;
  for (const file of await readdir(assets)) {
    if (file.endsWith('.js') || file.endsWith('.css')) rendererGzipBytes += gzipSync(await readFile(join(assets, file))).length;
  }
  const size = async (file: string) => (await readFile(join(APP_ROOT, 'dist-electron', file))).length;
  return { rendererGzipBytes, mainBytes: await size('main.cjs'), preloadBytes: await size('preload.cjs') };
}

/** Every figure of the performance issue, each beside its raw-IndexedDB twin or its ideal. */
export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const { log } = options;
  log('building…');
  await buildAll();
  const storage = await storageBench(APP_ROOT, options.sizes, options.samples, options.pending, log);
  const largest = Math.max(...options.sizes);
  const app = await appBench(APP_ROOT, largest, options.typingSamples, log);
  const push: PushFigure[] = [];
  for (const concurrency of options.concurrencies) {
    log(`push: ${options.pushOps} operations at ${options.latencyMs} ms latency, concurrency ${concurrency}…`);
    push.push(await pushBench(options.pushOps, options.latencyMs, concurrency));
  }
  const recorded = { ...options, log: undefined };
  return { at: new Date().toISOString(), options: recorded, storage, app, push, bundle: await bundleFigures() };
}

export async function saveResults(results: BenchResults, dir = join(APP_ROOT, 'bench-results')): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'latest.json');
  await writeFile(path, `${JSON.stringify(results, null, 2)}\n`);
  return path;
}
