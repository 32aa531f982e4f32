import type { Operation, PushReply } from '../../shared/ipc/contract';
import { replyError } from '../../shared/ipc/replyError';
import { applyResults, countPending, releaseLeases, takeBatch } from '../outbox';
import { followProgress, type ProgressFollower } from './progress';
import type { SyncDeps, SyncProgressView, SyncReport } from './types';

export const SYNC_BATCH_SIZE = 50;
/**
 * Batches a sync keeps with main at once. Main starts a waiting operation as soon as a send slot frees,
 * whichever batch it came in, so with the next batches already there its concurrency never drains at a
 * batch's end. Three, so a batch held up by one slow answer still leaves two to overlap.
 */
export const BATCHES_IN_FLIGHT = 3;
/** A bound on batches per sync, so no reply can keep a sync going forever. */
const MAX_ROUNDS = 1_000;

export interface PushOptions {
  /** Read before each batch, so a "Sync now" that joins a timer's sync forces the rest of it. */
  force: () => boolean;
  batchSize?: number;
  onProgress?: (progress: SyncProgressView) => void;
}

type Answer = { ok: true; reply: PushReply } | { ok: false; error: unknown };

interface Batch {
  operations: Operation[];
  answer: Promise<Answer>;
  arrived: boolean;
}

/**
 * Pushes the queue as a pipeline: up to `BATCHES_IN_FLIGHT` leased batches are with main at once, and
 * as each reply comes it is applied in one transaction and the next batch taken. A token with a change
 * in flight sends nothing more until that change's answer is applied, so its changes stay in order.
 * It stops taking once the queue is empty or a reply makes no clean progress (the CRM not reached, or a
 * change to retry later), and waits for the batches still in flight. The first batch is sent even
 * when empty, to learn whether the CRM can be reached.
 */
class PushPipeline {
  private readonly batches = new Set<Batch>();
  private rounds = 0;
  private stopped = false;
  private failure: { error: unknown } | null = null;

  constructor(
    private readonly deps: SyncDeps,
    private readonly options: PushOptions,
    private readonly report: SyncReport,
    private readonly progress: ProgressFollower,
  ) {}

  async run(): Promise<void> {
    for (;;) {
      await this.fill();
      const next = await this.nextAnswer();
      if (!next) break;
      await this.settle(next);
    }
    if (this.failure) throw this.failure.error;
  }

  private async fill(): Promise<void> {
    const batchSize = this.options.batchSize ?? SYNC_BATCH_SIZE;
    const room = () => batchSize * BATCHES_IN_FLIGHT - [...this.batches].reduce((sum, b) => sum + b.operations.length, 0);
    while (!this.stopped && this.rounds < MAX_ROUNDS && room() > 0) {
      const operations = await this.take(Math.min(batchSize, room()));
      // A reply that came while taking may say to stop: then the batch goes back unsent.
      await this.settleArrived();
      if (this.stopped) return this.giveBack(operations);
      if (operations.length === 0 && this.rounds > 0) return;
      this.send(operations);
    }
  }

  private async take(max: number): Promise<Operation[]> {
    const { db, now, owner, liveOwners } = this.deps;
    const isLive = liveOwners ? await liveOwners() : undefined;
    const holdBack = new Set([...this.batches].flatMap((batch) => batch.operations.map((op) => op.tokenLocalId)));
    return takeBatch(db, max, now(), { force: this.options.force(), owner, isLive, holdBack });
  }

  private send(operations: Operation[]): void {
    this.rounds += 1;
    this.progress.sent(operations.length);
    const answer = (async () => this.deps.api.pushOperations({ operations }))().then(
      (reply): Answer => ({ ok: true, reply }),
      (error: unknown): Answer => ({ ok: false, error }),
    );
    const batch: Batch = { operations, answer, arrived: false };
    void answer.then(() => {
      batch.arrived = true;
    });
    this.batches.add(batch);
  }

  private async nextAnswer(): Promise<Batch | null> {
    if (this.batches.size === 0) return null;
    return Promise.race([...this.batches].map((batch) => batch.answer.then(() => batch)));
  }

  private async settleArrived(): Promise<void> {
    for (const batch of [...this.batches]) if (batch.arrived) await this.settle(batch);
  }

  private async settle(batch: Batch): Promise<void> {
    this.batches.delete(batch);
    const answer = await batch.answer;
    if (answer.ok) return this.apply(batch, answer.reply);
    this.stopped = true;
    this.failure ??= { error: answer.error };
    await releaseLeases(this.deps.db, batch.operations.map((op) => op.seq), this.deps.owner);
  }

  private async apply(batch: Batch, reply: PushReply): Promise<void> {
    const { db, now, jitter } = this.deps;
    const { report } = this;
    const summary = await applyResults(db, reply.results, now(), jitter);
    this.progress.applied(batch.operations.length);
    for (const key of ['done', 'retry', 'parked', 'conflict', 'blocked'] as const) report.totals[key] += summary[key];
    report.crm = reply.crm;
    report.message = reply.message;
    report.lastError = replyError(reply) ?? report.lastError;
    if (reply.crm === 'ok') report.reachedAt = now();
    const progressed = summary.done + summary.parked + summary.conflict > 0;
    if (reply.crm !== 'ok' || !progressed || summary.retry > 0) this.stopped = true;
  }

  /** Taken but never sent: the rows are as before the take (their attempt undone, no lease). */
  private async giveBack(operations: Operation[]): Promise<void> {
    if (operations.length > 0) await applyResults(this.deps.db, operations.map((op) => ({ seq: op.seq, outcome: 'blocked' })), this.deps.now());
  }
}

/** Pushes the queue (see `PushPipeline`), filling `report` as it goes. */
export async function pushQueue(deps: SyncDeps, options: PushOptions, report: SyncReport): Promise<void> {
  const progress = followProgress(deps.api, await countPending(deps.db), options.onProgress ?? (() => undefined));
  try {
    await new PushPipeline(deps, options, report, progress).run();
  } finally {
    progress.stop();
  }
}
