import { describe, expect, it } from 'vitest';
import { benchTable } from './benchTable';
import { runBench } from './runBench';

/** The benchmark at a tiny size, so it cannot rot. It asserts what was measured, never how fast. */
describe('benchmark smoke run', () => {
  it('measures every figure of the performance issue', async () => {
    const results = await runBench({
      sizes: [300],
      samples: 30,
      pending: 20,
      typingSamples: 5,
      pushOps: 8,
      latencyMs: 5,
      concurrencies: [1, 4],
      log: () => undefined,
    });
    const [storage] = results.storage;
    expect(storage?.size).toBe(300);
    for (const kind of ['code', 'identifier', 'number', 'prefix'] as const) {
      expect(storage?.lookups[kind].found, `${kind} lookups find their record`).toBe(30);
    }
    expect(storage?.statusCounts.pending).toBe(20);
    expect(results.app.findAsYouType.samples).toBe(5);
    expect(results.app.coldStartMs).toBeGreaterThan(0);
    expect(results.push.map((p) => [p.concurrency, p.ops])).toEqual([[1, 8], [4, 8]]);
    expect(results.bundle.rendererGzipBytes).toBeGreaterThan(0);
    const table = benchTable(results);
    for (const figure of ['ingest 300', 'lookup prefix 300', 'status counts', 'find-as-you-type', 'cold start', 'concurrency 4', 'renderer bundle']) {
      expect(table).toContain(figure);
    }
  });
});
