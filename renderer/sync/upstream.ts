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

/** The reply makes no clean progress: the CRM not reached, a change to retry later, or nothing answered. */
function saysStop(reply: PushReply): boolean {
  const moved = reply.results.some((r) => r.outcome === 'done' || r.outcome === 'parked' || r.outcome === 'conflict');
  return reply.crm !== 'ok' || !moved || reply.results.some((r) => r.outcome === 'retry');
}

type Answer = { ok: true; reply: PushReply } | { ok: false; error: unknown };

interface Batch {
  operations: Operation[];
  answer: Promise<Answer>;
  /** Main answered: the batch no longer takes room with main, though its tokens wait for its apply. */
  arrived: boolean;
}

/**
 * Pushes the queue as a pipeline: up to `BATCHES_IN_FLIGHT` leased batches are with main at once. As a
 * reply comes, the next batch is taken and sent first (main is not kept waiting on the apply), then the
 * reply is applied in one transaction. A token with a change sent and not yet applied sends nothing
 * more until it is, so its changes stay in order. A reply that makes no clean progress (the CRM not
 * reached, a change to retry later) stops the taking as it arrives; the batches in flight are still
 * applied. The first batch is sent even when empty, to learn whether the CRM can be reached.
 */
class PushPipeline {
  /** Sent and not yet applied, in the order sent. */
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
    try {
      await this.fill();
      for (let next = await this.nextAnswer(); next; next = await this.nextAnswer()) {
        await this.fill();
        await this.settle(next);
        await this.fill();
      }
    } catch (error) {
      this.failure ??= { error };
      await this.drain();
    }
    if (this.failure) throw this.failure.error;
  }

  /** After a throw, the batches still with main are applied or, failing that, their leases released. */
  private async drain(): Promise<void> {
    this.stopped = true;
    for (let next = await this.nextAnswer(); next; next = await this.nextAnswer()) {
      const batch = next;
      await this.settle(batch).catch(() => releaseLeases(this.deps.db, batch.operations.map((op) => op.seq), this.deps.owner).catch(() => undefined));
    }
  }

  private async fill(): Promise<void> {
    const batchSize = this.options.batchSize ?? SYNC_BATCH_SIZE;
    const room = () => batchSize * BATCHES_IN_FLIGHT - [...this.batches].reduce((sum, b) => sum + (b.arrived ? 0 : b.operations.length), 0);
    while (!this.stopped && this.rounds < MAX_ROUNDS && room() > 0) {
      const operations = await this.take(Math.min(batchSize, room()));
      // A reply that came while taking may say to stop: then the batch goes back unsent.
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
    void answer.then((arrived) => {
      batch.arrived = true;
      if (!arrived.ok || saysStop(arrived.reply)) this.stopped = true;
    });
    this.batches.add(batch);
  }

  private async nextAnswer(): Promise<Batch | null> {
    if (this.batches.size === 0) return null;
    return Promise.race([...this.batches].map(async (batch) => {
      await batch.answer;
      return batch;
    }));
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
    // Replies are applied as they come, so a later `ok` must not hide a batch that found the CRM unreachable.
    if (report.crm === null || report.crm === 'ok') {
      report.crm = reply.crm;
      report.message = reply.message;
    }
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
