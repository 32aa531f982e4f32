import type { PushFigure } from './pushBench';
import type { BenchResults } from './runBench';

const ms = (n: number) => (n < 10 ? n.toFixed(3) : n.toFixed(1));
const ratio = (a: number, b: number) => (b === 0 ? '—' : (a / b).toFixed(2));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
/** The push's floor on this machine: the same calls from a bare client, its wall and its wall ÷ ideal. */
const bare = (p: PushFigure) => `bare client ${p.raw.wallMs.toFixed(0)} (÷ ideal ${p.raw.ratio.toFixed(2)})`;
/** The same push again in the same processes, their code warm. */
const warm = ({ warm: again }: PushFigure) => (again ? `; again, warm ${again.wallMs.toFixed(0)} (÷ ideal ${again.ratio.toFixed(2)}, CPU/op renderer ${ms(again.cpuMsPerOp.renderer)}, main ${ms(again.cpuMsPerOp.main)})` : '');

/** The results as a Markdown table: each figure, its comparison, the ratio, and the target. */
export function benchTable(results: BenchResults): string {
  const rows: string[][] = [['figure', 'app', 'comparison', 'ratio', 'target']];
  for (const s of results.storage) {
    rows.push([`ingest ${s.size} (records/s)`, s.ingest.app.perSecond.toFixed(0), `raw ${s.ingest.raw.perSecond.toFixed(0)}`, ratio(s.ingest.app.perSecond, s.ingest.raw.perSecond), 'app ÷ raw ≥ 0.9']);
    for (const [kind, figure] of Object.entries(s.lookups)) {
      const target = kind === 'prefix' ? 'p99 ≤ 5 ms at 100k' : 'p50 app ÷ raw ≤ 1.3; p99 ≤ 1.5 × raw';
      const comparison = `raw ${ms(figure.raw.p50)} / ${ms(figure.raw.p99)} (p99 ×${ratio(figure.app.p99, figure.raw.p99)}); one Dexie read ${ms(figure.dexieOneRead.p50)} / ${ms(figure.dexieOneRead.p99)}; raw in the app's index ${ms(figure.rawAppIndex.p50)} / ${ms(figure.rawAppIndex.p99)}`;
      rows.push([`lookup ${kind} ${s.size} p50 / p99 (ms)`, `${ms(figure.app.p50)} / ${ms(figure.app.p99)}`, comparison, ratio(figure.app.p50, figure.raw.p50), target]);
    }
    rows.push([`status counts ${s.size}, ${s.statusCounts.pending} pending p50 / p95 (ms)`, `${ms(s.statusCounts.p50)} / ${ms(s.statusCounts.p95)}`, 'what the status bar reads', '—', 'p50 ≤ 2 ms at 100k']);
  }
  const { strict, relaxed } = results.durability;
  rows.push([`issue transaction, strict p50 / p95 (ms)`, `${ms(strict.p50)} / ${ms(strict.p95)}`, `relaxed ${ms(relaxed.p50)} / ${ms(relaxed.p95)}`, ratio(strict.p50, relaxed.p50), 'strict ÷ relaxed, measured']);
  for (const app of results.app) {
    rows.push([`find-as-you-type ${app.size} p50 / p95 (ms)`, `${ms(app.findAsYouType.p50)} / ${ms(app.findAsYouType.p95)}`, `${app.findAsYouType.samples} keys, each after the last answer was drawn`, '—', 'p95 ≤ 8 ms at 100k']);
    const back = app.findBackToBack;
    rows.push([`find-as-you-type ${app.size}, back to back p50 / p95 (ms)`, `${ms(back.p50)} / ${ms(back.p95)}`, `${back.samples} keys, each as the last answer lands`, '—', 'measured']);
    rows.push([`cold start ${app.size} (ms)`, ms(app.coldStartMs), 'navigation → Find ready', '—', '≤ 1000 ms']);
    rows.push([`renderer heap after cold start ${app.size}`, mb(app.heap.afterColdStartBytes), `empty cache ${mb(app.heap.emptyBytes)}`, ratio(app.heap.afterColdStartBytes, app.heap.emptyBytes), 'heap ÷ empty ≤ 1.5']);
    const { issueToSlip: strictSlip, issueToSlipRelaxed: relaxedSlip } = app;
    const slipComparison = `relaxed ${ms(relaxedSlip.p50)} / ${ms(relaxedSlip.p95)}, ${strictSlip.samples} issues each (p95 ×${ratio(strictSlip.p95, relaxedSlip.p95)})`;
    rows.push([`issue → slip ${app.size}, strict p50 / p95 (ms)`, `${ms(strictSlip.p50)} / ${ms(strictSlip.p95)}`, slipComparison, ratio(strictSlip.p50, relaxedSlip.p50), 'strict ÷ relaxed, measured']);
  }
  for (const p of results.push) {
    const cpu = `CPU/op renderer ${ms(p.cpuMsPerOp.renderer)}, main ${ms(p.cpuMsPerOp.main)} (budget ${ms(p.latencyMs / p.concurrency)})`;
    const after = `then refresh and stock top-up ${p.afterPushMs.toFixed(0)}`;
    rows.push([`push ${p.ops} ops @ ${p.latencyMs} ms, concurrency ${p.concurrency} (ms)`, p.wallMs.toFixed(0), `ideal ${p.idealMs.toFixed(0)}; ${bare(p)}; ${after}; ${cpu}${warm(p)}`, ratio(p.wallMs, p.idealMs), 'wall ÷ ideal ≤ 1.10']);
  }
  const { backlog } = results;
  if (backlog) {
    rows.push([`backlog ${backlog.ops} ops @ ${backlog.latencyMs} ms, concurrency ${backlog.concurrency} (ms)`, backlog.wallMs.toFixed(0), `ideal ${backlog.idealMs.toFixed(0)}; ${bare(backlog)}; then refresh and stock top-up ${backlog.afterPushMs.toFixed(0)}`, ratio(backlog.wallMs, backlog.idealMs), 'wall ÷ ideal ≤ 1.10']);
    const { heap } = backlog;
    rows.push([`backlog heap, drained ÷ queued`, mb(heap.drainedBytes), `queued ${mb(heap.queuedBytes)}; both hold the fake IndexedDB's rows`, ratio(heap.drainedBytes, heap.queuedBytes), 'measured']);
    rows.push([`backlog heap kept: drained, database deleted`, mb(heap.releasedBytes), `before the queue ${mb(heap.emptyBytes)}`, ratio(heap.releasedBytes, heap.emptyBytes), '≤ 1.0 (no growth)']);
  }
  const { bundle } = results;
  const later = Object.entries(bundle.laterGzipBytes).map(([name, bytes]) => `${name} ${kb(bytes)}`);
  rows.push(['renderer, every chunk (gzip)', kb(bundle.everyChunkGzipBytes), `main ${kb(bundle.mainBytes)}, preload ${kb(bundle.preloadBytes)}`, '—', '≤ 250 KB gzip']);
  rows.push(['renderer at start, English (gzip)', kb(bundle.startGzipBytes), `loaded later: ${later.join(', ') || 'nothing'}`, '—', 'measured']);
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, col) => cell.padEnd(widths[col]!)).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}
