import type { PushReply } from '../../shared/ipc/contract';
import { replyError } from '../../shared/ipc/replyError';
import { applyResults, countPending, releaseLeases, takeBatch } from '../outbox';
import { withProgress } from './progress';
import type { SyncDeps, SyncProgressView, SyncReport } from './types';

export const SYNC_BATCH_SIZE = 50;
/** A bound on rounds per sync, so no reply can keep a sync going forever. */
const MAX_ROUNDS = 1_000;

export interface PushOptions {
  /** Read before each batch, so a "Sync now" that joins a timer's sync forces the rest of it. */
  force: () => boolean;
  batchSize?: number;
  onProgress?: (progress: SyncProgressView) => void;
}

/**
 * Pushes the queue batch by batch, applying each reply in one transaction, until it is empty or a
 * batch makes no clean progress (the CRM not reached, or a change to retry later). The first batch is
 * sent even when empty, to learn whether the CRM can be reached. Fills `report` as it goes.
 */
export async function pushQueue(deps: SyncDeps, options: PushOptions, report: SyncReport): Promise<void> {
  const { db, api, now } = deps;
  const batchSize = options.batchSize ?? SYNC_BATCH_SIZE;
  const total = await countPending(db);
  let answered = 0;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const isLive = deps.liveOwners ? await deps.liveOwners() : undefined;
    const operations = await takeBatch(db, batchSize, now(), { force: options.force(), owner: deps.owner, isLive });
    if (operations.length === 0 && round > 0) return;
    const batch = { before: answered, size: operations.length, total };
    let reply: PushReply;
    try {
      const push = () => api.pushOperations({ operations });
      reply = await withProgress(api, push, batch, options.onProgress ?? (() => undefined));
    } catch (error) {
      await releaseLeases(db, operations.map((op) => op.seq), deps.owner);
      throw error;
    }
    const summary = await applyResults(db, reply.results, now(), deps.jitter);
    answered += operations.length;
    options.onProgress?.({ done: answered, total: Math.max(total, answered) });
    for (const key of ['done', 'retry', 'parked', 'conflict', 'blocked'] as const) report.totals[key] += summary[key];
    report.crm = reply.crm;
    report.message = reply.message;
    report.lastError = replyError(reply) ?? report.lastError;
    if (reply.crm === 'ok') report.reachedAt = now();
    const progressed = summary.done + summary.parked + summary.conflict > 0;
    if (reply.crm !== 'ok' || !progressed || summary.retry > 0) return;
  }
}
