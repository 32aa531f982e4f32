import 'fake-indexeddb/auto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { issueToken } from '../../renderer/commands/tokenWrites';
import { countPending, linkJournal } from '../../renderer/outbox';
import { TokenDeskDatabase } from '../../renderer/storage/database';
import { newSyncReport, runSync } from '../../renderer/sync/runSync';
import { pushQueue } from '../../renderer/sync/upstream';
import { DEMO_LOGIN } from '../crm-sim/simTestKit';
import { freshCode, rawPush } from './rawPush';
import { startMainProcess, type MainProcess } from './mainProcess';
import { startSimProcess } from './simProcess';

export interface PushFigure {
  concurrency: number;
  ops: number;
  latencyMs: number;
  /** From the first take to the last reply applied: the push alone, what `idealMs` is the ideal of. */
  wallMs: number;
  idealMs: number;
  /** The rest of the sync after the push: stale tokens re-read and the stock topped up (one CRM call or two). */
  afterPushMs: number;
  ratio: number;
  /** The same calls from a bare client just before (see `rawPush`): the part of `ratio` that is not the app's. */
  raw: { wallMs: number; ratio: number };
  /** CPU time per operation while the queue drained: the renderer side (this process), and main's process. */
  cpuMsPerOp: { renderer: number; main: number };
  /**
   * As many operations again, pushed by the same processes once the first push is done: their code is
   * warm, as at a counter that has pushed since its app started. Null when not asked for (the backlog).
   */
  warm: WarmPushFigure | null;
  /**
   * The renderer side's used heap after a full collection: before the queue was filled, filled, drained,
   * and once the drained database is deleted and main and the simulator are closed. In this harness the
   * database itself (fake-indexeddb) lives in the heap, so only the last against the first says what the
   * app keeps.
   */
  heap: { emptyBytes: number; queuedBytes: number; drainedBytes: number; releasedBytes: number };
}

export type WarmPushFigure = Pick<PushFigure, 'wallMs' | 'ratio' | 'cpuMsPerOp'>;

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function usedHeap(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

const OWNER = 'bench';
const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

/**
 * Queued creates pushed through the app's sync path to the simulator at a fixed latency, with the
 * processes laid out as in the app: the renderer's sync code here (on fake-indexeddb, standing in for
 * Chromium's IndexedDB), main (router, upstream, CRM client, journal) in a process of its own, asked
 * over IPC, and the simulator in a third. The figure is the first push those processes make; with
 * `warm`, the same push again in them is reported beside it.
 */
export async function pushBench(ops: number, latencyMs: number, concurrency: number, { warm = false } = {}): Promise<PushFigure> {
  const rawWallMs = await rawPush(ops, latencyMs, concurrency);
  const { first, again } = await pushOnce({ ops, latencyMs, concurrency }, warm);
  // What the app keeps shows once the drained database is deleted, out of scope, and the task that deleted it ended.
  await new Promise(setImmediate);
  return {
    ...first,
    raw: { wallMs: rawWallMs, ratio: rawWallMs / first.idealMs },
    warm: again && { wallMs: again.wallMs, ratio: again.ratio, cpuMsPerOp: again.cpuMsPerOp },
    heap: { ...first.heap, releasedBytes: usedHeap() },
  };
}

type Drained = Omit<PushFigure, 'heap' | 'raw' | 'warm'> & { heap: Omit<PushFigure['heap'], 'releasedBytes'> };
type Run = { ops: number; latencyMs: number; concurrency: number };

/** The push in fresh processes (main and the simulator just started) and, if `warm`, again in the same ones. */
async function pushOnce(run: Run, warm: boolean): Promise<{ first: Drained; again: Drained | null }> {
  const sim = await startSimProcess(run.latencyMs);
  try {
    const main = await startMainProcess();
    const db = new TokenDeskDatabase(`bench-push-${run.concurrency}-${Date.now()}`);
    try {
      const first = await drain(db, main, run, sim.url);
      return { first, again: warm ? await drain(db, main, run, sim.url) : null };
    } finally {
      await db.delete();
      await main.close();
    }
  } finally {
    await sim.close();
  }
}

/** Queues `ops` creates, then syncs until none is pending. */
async function drain(db: TokenDeskDatabase, main: MainProcess, run: Run, crmUrl: string): Promise<Drained> {
  const { ops, latencyMs, concurrency } = run;
  const { api } = main;
  // As the app's renderer does at start: the queue is journalled to main, and what left it is told there.
  linkJournal(db, api);
  await api.saveSettings({ crmUrl, ...DEMO_LOGIN, pushConcurrency: concurrency });
  await api.testConnection({});
  const emptyBytes = usedHeap();
  for (let i = 0; i < ops; i += 1) {
    await issueToken(db, { identifier: null, sealedPassCode: null, participantNumber: null, authenticationCode: freshCode() }, Date.now());
  }
  const queuedBytes = usedHeap();
  const deps = { db, api, now: Date.now, owner: OWNER, liveOwners: async () => (owner: string) => owner === OWNER };
  // The push as a sync runs it, timed alone: the ideal counts its CRM calls only.
  const started = performance.now();
  const [rendererBefore, mainBefore] = [process.cpuUsage(), await main.cpuUsage()];
  while ((await countPending(db)) > 0) await pushQueue(deps, { force: () => true }, newSyncReport());
  const renderer = cpuMs(process.cpuUsage(rendererBefore));
  const mainMs = cpuMs(await main.cpuUsage()) - cpuMs(mainBefore);
  const wallMs = performance.now() - started;
  // Then the rest of the sync with the storm's settings: 6 stock cards topped up, 20 tokens refreshed at most.
  const config = { stockLevel: 6, refreshCount: 20, refreshAfterMs: 60_000, stockRetryMs: 120_000 };
  const afterPushStarted = performance.now();
  await runSync(deps, { force: true, config });
  const afterPushMs = performance.now() - afterPushStarted;
  const drainedBytes = usedHeap();
  const idealMs = (ops * latencyMs) / concurrency;
  const cpuMsPerOp = { renderer: renderer / ops, main: mainMs / ops };
  return { concurrency, ops, latencyMs, wallMs, idealMs, afterPushMs, ratio: wallMs / idealMs, cpuMsPerOp, heap: { emptyBytes, queuedBytes, drainedBytes } };
}
