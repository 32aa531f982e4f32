import 'fake-indexeddb/auto';
import { randomFillSync } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DEFAULT_DEFINITION } from '../../shared/token/defaultDefinition';
import { generateFieldValue } from '../../shared/token/generate';
import { issueToken } from '../../renderer/commands/tokenWrites';
import { countPending } from '../../renderer/outbox';
import { startCrmSim } from '../crm-sim/simulator';
import { StormClock, StormTerminal } from '../storm/stormTerminal';

export interface PushFigure {
  concurrency: number;
  ops: number;
  latencyMs: number;
  wallMs: number;
  idealMs: number;
  ratio: number;
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
 * IPC router, main's upstream and CRM client) to the simulator at a fixed latency.
 */
export async function pushBench(ops: number, latencyMs: number, concurrency: number): Promise<PushFigure> {
  const sim = await startCrmSim();
  const clock = new StormClock(Date.now());
  const terminal = await StormTerminal.open('bench', `bench-push-${concurrency}-${Date.now()}`, clock, sim.url, 30_000);
  try {
    await terminal.api.saveSettings({ crmUrl: sim.url, organisation: 'DEMO', username: 'demo', password: 'demo', pushConcurrency: concurrency });
    await terminal.api.testConnection({});
    for (let i = 0; i < ops; i += 1) {
      const authenticationCode = generateFieldValue(DEFAULT_DEFINITION.authenticationCode, (b) => randomFillSync(b));
      await issueToken(terminal.db, { identifier: null, sealedPassCode: null, participantNumber: null, authenticationCode }, clock.now());
    }
    await sim.setSwitches({ latencyMs });
    const queuedBytes = usedHeap();
    const started = performance.now();
    while ((await countPending(terminal.db)) > 0) await terminal.sync(true);
    const wallMs = performance.now() - started;
    const drainedBytes = usedHeap();
    const idealMs = (ops * latencyMs) / concurrency;
    return { concurrency, ops, latencyMs, wallMs, idealMs, ratio: wallMs / idealMs, heap: { queuedBytes, drainedBytes } };
  } finally {
    await terminal.close();
    await sim.close();
  }
}
