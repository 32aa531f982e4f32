import type { Operation, OperationResult, PushReply, SyncProgress } from '../../shared/ipc/contract';
import { replyError } from '../../shared/ipc/replyError';
import { SendSlots } from './sendSlots';
import { DEFAULT_CONCURRENCY, sendBatch, type BatchDeps } from './upstreamBatch';

/**
 * How many finished results are remembered for repeated sends. A repeat comes from a window that
 * reloaded, or another window, while its answers were in flight: a few batches each. A retry that is
 * no longer remembered still lands once (it asks the CRM first), so a long queue need not grow memory.
 */
const REMEMBERED = 1_000;

const key = (op: Operation) => `${op.tokenLocalId}#${op.seq}`;
/**
 * Only a done operation is answered from memory: a refused or conflicting one may come back on
 * purpose (the operator retried it, fixed its identifier, or chose "apply mine") and must reach the CRM.
 */
const isFinal = (r: OperationResult) => r.outcome === 'done';

export type PushDeps = Omit<BatchDeps, 'onResult' | 'dispatch'>;

/**
 * Main's side of the upstream (renderer queue → CRM). Pushes run side by side, whichever window
 * asks, and share `concurrency` send slots: as one operation is answered the next waiting one goes,
 * of the same push or a later one, so no push waits for another's slowest operation. An operation this
 * process already finished is answered from memory, and one in flight by that flight's answer, so
 * two windows (or a window that reloaded before applying the answer) never push the same operation twice.
 */
export class Upstream {
  private readonly slots = new SendSlots(DEFAULT_CONCURRENCY);
  /** Done operations, by token and sequence number. */
  private readonly finished = new Map<string, OperationResult>();
  private readonly flights = new Map<string, Promise<OperationResult>>();
  private readonly running = new Set<Promise<unknown>>();
  private progress: SyncProgress = { running: false, done: 0, total: 0, lastError: null };

  /**
   * `onProgress` hears the progress as it changes: as a push starts, on each answer, as a push ends.
   * It counts the operations of the pushes running since main was last idle.
   */
  constructor(private readonly onProgress: (progress: SyncProgress) => void = () => undefined) {}

  push(operations: Operation[], deps: PushDeps): Promise<PushReply> {
    const run = this.run(operations, deps);
    const settled = run.catch(() => undefined);
    this.running.add(settled);
    void settled.then(() => this.running.delete(settled));
    return run;
  }

  view(): SyncProgress {
    return { ...this.progress };
  }

  /** Waits for the pushes in flight, if any. */
  async idle(): Promise<void> {
    await Promise.all([...this.running]);
  }

  private async run(operations: Operation[], deps: PushDeps): Promise<PushReply> {
    const fresh = this.running.size === 0;
    this.report({ running: true, done: fresh ? 0 : this.progress.done, total: (fresh ? 0 : this.progress.total) + operations.length, lastError: this.progress.lastError });
    let lastError = this.progress.lastError;
    try {
      this.slots.setLimit(deps.concurrency ?? DEFAULT_CONCURRENCY);
      const onResult = () => this.report({ ...this.progress, done: this.progress.done + 1 });
      const reply = await sendBatch(operations, { ...deps, onResult, dispatch: (op, send) => this.dispatch(op, send) });
      const answered = new Map(reply.results.map((r) => [r.seq, r]));
      const results = operations.map((op) => this.finished.get(key(op)) ?? answered.get(op.seq));
      lastError = replyError(reply) ?? (reply.crm === 'ok' ? null : lastError);
      return { ...reply, results: results.filter((r): r is OperationResult => r !== undefined) };
    } finally {
      this.report({ ...this.progress, running: this.running.size > 1, lastError });
    }
  }

  /** From memory, from the flight already sending it, or sent once a slot is free. */
  private dispatch(op: Operation, send: () => Promise<OperationResult>): Promise<OperationResult> {
    const k = key(op);
    const known = this.finished.get(k) ?? this.flights.get(k);
    if (known) return Promise.resolve(known);
    const flight = this.slots
      .run(send)
      .then((result) => {
        if (isFinal(result)) this.remember(k, result);
        return result;
      })
      .finally(() => this.flights.delete(k));
    this.flights.set(k, flight);
    return flight;
  }

  private report(progress: SyncProgress): void {
    this.progress = progress;
    this.onProgress({ ...progress });
  }

  private remember(k: string, result: OperationResult): void {
    this.finished.set(k, result);
    for (const oldest of this.finished.keys()) {
      if (this.finished.size <= REMEMBERED) break;
      this.finished.delete(oldest);
    }
  }
}
