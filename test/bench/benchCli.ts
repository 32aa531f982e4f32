import { parseArgs } from 'node:util';
import { benchTable } from './benchTable';
import { runBench, saveResults } from './runBench';

/**
 * `npm run bench [-- --sizes 10000,100000 --samples 2000 --backlog 10000]` (`--sizes 500000` for the
 * big counter): prints the table and writes bench-results/latest.json.
 */
function numbers(value: string | undefined, fallback: number[]): number[] {
  if (value === undefined) return fallback;
  const list = value.split(',').map(Number);
  if (list.some((n) => !Number.isInteger(n) || n < 1)) {
    console.error(`expected whole numbers above 0, separated by commas: "${value}"`);
    process.exit(2);
  }
  return list;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      samples: { type: 'string' },
      typing: { type: 'string' },
      'push-ops': { type: 'string' },
      'latency-ms': { type: 'string' },
      concurrency: { type: 'string' },
      issues: { type: 'string' },
      backlog: { type: 'string' },
      'backlog-concurrency': { type: 'string' },
    },
  });
  const one = (value: string | undefined, fallback: number) => numbers(value, [fallback])[0] ?? fallback;
  const started = performance.now();
  const results = await runBench({
    sizes: numbers(values.sizes, [10_000, 100_000]),
    samples: one(values.samples, 2_000),
    pending: 1_000,
    typingSamples: one(values.typing, 200),
    pushOps: one(values['push-ops'], 1_000),
    latencyMs: one(values['latency-ms'], 50),
    concurrencies: numbers(values.concurrency, [1, 4, 8]),
    issueSamples: one(values.issues, 100),
    backlogOps: values.backlog === '0' ? 0 : one(values.backlog, 10_000),
    backlogConcurrency: one(values['backlog-concurrency'], 8),
    log: (line) => console.error(`· ${line}`),
  });
  console.log(benchTable(results));
  console.log(`\nwritten to ${await saveResults(results)} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
