import 'fake-indexeddb/auto';
import { randomFillSync } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DEFAULT_DEFINITION } from '../../shared/token/defaultDefinition';
import { generateFieldValue } from '../../shared/token/generate';
import { issueToken } from '../../renderer/commands/tokenWrites';
import { countPending, linkJournal } from '../../renderer/outbox';
import { StormClock, StormTerminal } from '../storm/stormTerminal';
import { startSimProcess } from './simProcess';

export interface PushFigure {
  concurrency: number;
  ops: number;
  latencyMs: number;
  wallMs: number;
  idealMs: number;
  ratio: number;
  /** CPU time of this process (renderer sync and main) while the queue drained, per operation. */
  cpuMsPerOp: number;
  /** Used heap after a full collection, with the queue filled and after it drained (renderer sync and main share this process). */
  heap: { queuedBytes: number; drainedBytes: number };
}

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function usedHeap(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/**
 * Queued creates pushed through the app's sync path (renderer sync code on fake-indexeddb, the real
 * IPC router, main's upstream and CRM client) to the simulator, in its own process, at a fixed latency.
 */
export async function pushBench(ops: number, latencyMs: number, concurrency: number): Promise<PushFigure> {
  const sim = await startSimProcess(latencyMs);
  try {
    const clock = new StormClock(Date.now());
    const terminal = await StormTerminal.open('bench', `bench-push-${concurrency}-${Date.now()}`, clock, sim.url, 30_000);
    try {
      return await drain(terminal, clock, { ops, latencyMs, concurrency }, sim.url);
    } finally {
      await terminal.close();
    }
  } finally {
    await sim.close();
  }
}

/** Queues `ops` creates, then syncs until none is pending. */
async function drain(terminal: StormTerminal, clock: StormClock, run: { ops: number; latencyMs: number; concurrency: number }, crmUrl: string): Promise<PushFigure> {
  const { ops, latencyMs, concurrency } = run;
  // As the app's renderer does at start: the queue is journalled to main, and what left it is told there.
  linkJournal(terminal.db, terminal.api);
  await terminal.api.saveSettings({ crmUrl, organisation: 'DEMO', username: 'demo', password: 'demo', pushConcurrency: concurrency });
  await terminal.api.testConnection({});
  for (let i = 0; i < ops; i += 1) {
    const authenticationCode = generateFieldValue(DEFAULT_DEFINITION.authenticationCode, (b) => randomFillSync(b));
    await issueToken(terminal.db, { identifier: null, sealedPassCode: null, participantNumber: null, authenticationCode }, clock.now());
  }
  const queuedBytes = usedHeap();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  while ((await countPending(terminal.db)) > 0) await terminal.sync(true);
  const cpu = process.cpuUsage(cpuBefore);
  const wallMs = performance.now() - started;
  const drainedBytes = usedHeap();
  const idealMs = (ops * latencyMs) / concurrency;
  return { concurrency, ops, latencyMs, wallMs, idealMs, ratio: wallMs / idealMs, cpuMsPerOp: (cpu.user + cpu.system) / 1000 / ops, heap: { queuedBytes, drainedBytes } };
}
