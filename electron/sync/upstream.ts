import type { Operation, OperationResult, PushReply, SyncProgress } from '../../shared/ipc/contract';
import { replyError } from '../../shared/ipc/replyError';
import { sendBatch, type BatchDeps } from './upstreamBatch';

/** How many finished results are remembered for repeated sends. */
const REMEMBERED = 10_000;

const key = (op: Operation) => `${op.tokenLocalId}#${op.seq}`;
/**
 * Only a done operation is answered from memory: a refused or conflicting one may come back on
 * purpose (the operator retried it, fixed its identifier, or chose "apply mine") and must reach the CRM.
 */
const isFinal = (r: OperationResult) => r.outcome === 'done';

/**
 * Main's side of the upstream (renderer queue → CRM): pushes run here one at a
 * time, whichever window asks. An operation this process already finished is
 * answered from memory, not sent again, so two windows (or a window that
 * reloaded before applying the answer) never push the same operation twice.
 */
export class Upstream {
  private queue: Promise<unknown> = Promise.resolve();
  /** Done operations, by token and sequence number. */
  private readonly finished = new Map<string, OperationResult>();
  private progress: SyncProgress = { running: false, done: 0, total: 0, lastError: null };

  /** `onProgress` hears the progress as it changes: at a push's start, on each answer, at its end. */
  constructor(private readonly onProgress: (progress: SyncProgress) => void = () => undefined) {}

  push(operations: Operation[], deps: Omit<BatchDeps, 'onResult'>): Promise<PushReply> {
    const run = this.queue.then(() => this.run(operations, deps));
    this.queue = run.catch(() => undefined);
    return run;
  }

  view(): SyncProgress {
    return { ...this.progress };
  }

  /** Waits for the push in flight, if any. */
  idle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  private async run(operations: Operation[], deps: Omit<BatchDeps, 'onResult'>): Promise<PushReply> {
    const fresh = operations.filter((op) => !this.finished.has(key(op)));
    this.report({ running: true, done: operations.length - fresh.length, total: operations.length, lastError: this.progress.lastError });
    let lastError = this.progress.lastError;
    try {
      const reply = await sendBatch(fresh, { ...deps, onResult: () => this.report({ ...this.progress, done: this.progress.done + 1 }) });
      this.remember(fresh, reply.results);
      const answered = new Map(reply.results.map((r) => [r.seq, r]));
      const results = operations.map((op) => this.finished.get(key(op)) ?? answered.get(op.seq));
      lastError = replyError(reply) ?? (reply.crm === 'ok' ? null : lastError);
      return { ...reply, results: results.filter((r): r is OperationResult => r !== undefined) };
    } finally {
      this.report({ ...this.progress, running: false, lastError });
    }
  }

  private report(progress: SyncProgress): void {
    this.progress = progress;
    this.onProgress({ ...progress });
  }

  private remember(operations: Operation[], results: OperationResult[]): void {
    const bySeq = new Map(results.map((r) => [r.seq, r]));
    for (const op of operations) {
      const result = bySeq.get(op.seq);
      if (result && isFinal(result)) this.finished.set(key(op), result);
    }
    for (const oldest of this.finished.keys()) {
      if (this.finished.size <= REMEMBERED) break;
      this.finished.delete(oldest);
    }
  }
}
