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
      issueSamples: 3,
      backlogOps: 12,
      backlogConcurrency: 2,
      log: () => undefined,
    });
    const [storage] = results.storage;
    expect(storage?.size).toBe(300);
    for (const kind of ['code', 'identifier', 'number', 'prefix'] as const) {
      expect(storage?.lookups[kind].found, `${kind} lookups find their record`).toBe(30);
      expect(storage?.lookups[kind].foundInAppIndex, `raw reads of the app's index find ${kind}s too`).toBe(30);
    }
    expect(storage?.statusCounts.pending).toBe(20);
    const [app] = results.app;
    expect(app?.findAsYouType.samples).toBe(5);
    expect(app?.findBackToBack.samples).toBe(5);
    expect(app?.coldStartMs).toBeGreaterThan(0);
    expect(app?.heap.afterColdStartBytes).toBeGreaterThan(0);
    expect(app?.heap.emptyBytes).toBeGreaterThan(0);
    expect(app?.issueToSlip.samples).toBe(3);
    expect(app?.issueToSlipRelaxed.samples).toBe(3);
    expect(app?.issueToSlipRelaxed.p50).toBeGreaterThan(0);
    expect(results.durability.strict.p50).toBeGreaterThan(0);
    expect(results.durability.relaxed.p50).toBeGreaterThan(0);
    expect(results.push.map((p) => [p.concurrency, p.ops])).toEqual([[1, 8], [4, 8]]);
    for (const p of results.push) expect([p.cpuMsPerOp.renderer, p.cpuMsPerOp.main].every((ms) => ms > 0), 'CPU of both sides measured').toBe(true);
    for (const p of results.push) expect(p.afterPushMs, 'the rest of the sync timed apart').toBeGreaterThan(0);
    for (const p of [...results.push, results.backlog]) expect(p?.raw.wallMs, 'the same calls timed from a bare client').toBeGreaterThan(0);
    for (const p of results.push) expect(p.warm?.wallMs, 'the push again, warm').toBeGreaterThan(0);
    expect(results.backlog?.warm, 'the backlog is pushed once').toBeNull();
    expect(results.backlog).toMatchObject({ ops: 12, concurrency: 2 });
    expect(results.backlog?.heap.queuedBytes).toBeGreaterThan(0);
    expect(results.backlog?.heap.drainedBytes).toBeGreaterThan(0);
    expect(results.backlog?.heap.emptyBytes).toBeGreaterThan(0);
    expect(results.backlog?.heap.releasedBytes).toBeGreaterThan(0);
    expect(results.backlog?.wallMs).toBeGreaterThan(0);
    const { everyChunkGzipBytes, startGzipBytes, laterGzipBytes } = results.bundle;
    expect(startGzipBytes).toBeGreaterThan(0);
    expect(Object.keys(laterGzipBytes)).toContain('el');
    expect(startGzipBytes + Object.values(laterGzipBytes).reduce((sum, bytes) => sum + bytes, 0)).toBe(everyChunkGzipBytes);
    const table = benchTable(results);
    for (const figure of ['ingest 300', 'lookup prefix 300', "raw in the app's index", 'status counts', 'find-as-you-type', 'cold start', 'renderer heap', 'issue → slip 300, strict', 'strict', 'concurrency 4', 'CPU/op renderer', 'bare client', 'again, warm', 'then refresh and stock top-up', 'backlog 12', 'backlog heap, drained', 'backlog heap kept', 'renderer, every chunk', 'renderer at start, English', 'loaded later: el']) {
      expect(table).toContain(figure);
    }
    // Builds the app and starts Chromium twice and the simulator three times: minutes on a busy machine.
  }, 400_000);
});
