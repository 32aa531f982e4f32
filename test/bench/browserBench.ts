import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../scripts/browser-shell/browserShell';
import { CROSS_ORIGIN_ISOLATION, startRendererServer, type RendererServer } from '../../scripts/browser-shell/rendererServer';
import { findChromium } from '../../scripts/browser-shell/findChromium';
import type { BenchPage, DurabilityFigures, LookupKind, Rate, Spread } from './page/benchPage';

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

/**
 * Storage figures in real Chromium: the app's code paths beside raw IndexedDB, same page, same
 * records; and the issue transaction with strict beside relaxed durability.
 */
export async function storageBench(
  appRoot: string,
  options: { sizes: number[]; samples: number; pending: number; durabilitySamples: number },
  log: (line: string) => void,
): Promise<{ storage: StorageFigures[]; durability: DurabilityFigures }> {
  let server: RendererServer | null = null;
  let context: BrowserContext | null = null;
  try {
    server = await startRendererServer(resolve(appRoot, 'dist/bench'), 0, CROSS_ORIGIN_ISOLATION);
    context = await chromium.launchPersistentContext(await mkdtemp(join(tmpdir(), 'bench-')), { executablePath: chromiumOrFail(), headless: true, args: CHROMIUM_ARGS });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (message.text().startsWith('bench: ')) log(message.text().slice('bench: '.length));
    });
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => window.tokenDeskBench !== undefined);
    if (!(await page.evaluate(() => window.tokenDeskBench!.crossOriginIsolated()))) {
      throw new Error('The benchmark page is not cross-origin isolated, so its timer ticks in 0.1 ms steps: serve it with COOP and COEP.');
    }
    const storage: StorageFigures[] = [];
    for (const size of options.sizes) {
      storage.push(await measureSize(page, size, options.samples, options.pending, log));
      await page.evaluate(() => window.tokenDeskBench!.cleanup());
    }
    log(`issue transaction, strict and relaxed durability, ${options.durabilitySamples} each…`);
    const durability = await page.evaluate((n) => window.tokenDeskBench!.durability(n), options.durabilitySamples);
    return { storage, durability };
  } finally {
    await context?.close();
    await server?.close();
  }
}

async function measureSize(page: Page, size: number, samples: number, pending: number, log: (line: string) => void): Promise<StorageFigures> {
  const call = <K extends keyof BenchPage>(name: K, ...args: Parameters<BenchPage[K]>) =>
    page.evaluate(({ name, args }) => (window.tokenDeskBench![name] as (...a: unknown[]) => unknown)(...args), { name, args }) as ReturnType<BenchPage[K]>;
  log(`ingesting ${size} tokens (app, then raw)…`);
  const ingest = await call('ingest', size);
  log(`ingest ${size}: app ${ingest.app.perSecond.toFixed(0)}/s, raw ${ingest.raw.perSecond.toFixed(0)}/s`);
  const lookups = {} as StorageFigures['lookups'];
  for (const kind of ['code', 'identifier', 'number', 'prefix'] as const) {
    log(`lookups by ${kind} at ${size}…`);
    lookups[kind] = await call('lookups', size, kind, samples);
    const { app, raw } = lookups[kind];
    log(`lookup ${kind} ${size}: p50 app ${app.p50.toFixed(2)} ms, raw ${raw.p50.toFixed(2)} ms; p99 app ${app.p99.toFixed(2)} ms, raw ${raw.p99.toFixed(2)} ms`);
  }
  log(`status counts at ${size} with ${pending} pending…`);
  const statusCounts = await call('statusCounts', size, pending, 200);
  log(`status counts ${size}: p50 ${statusCounts.p50.toFixed(2)} ms, p95 ${statusCounts.p95.toFixed(2)} ms`);
  return { size, ingest, lookups, statusCounts };
}
