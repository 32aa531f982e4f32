import type { TokenDeskDatabase } from '../storage/database';
import type { OutboxRow, QueuedOp, SentRow } from '../storage/rows';
import { journalRows } from './journal';
import { stuckHead, waitingError } from './parking';
import { wakeOnCommit } from './wake';

export function newOutboxRow(tokenLocalId: string, op: QueuedOp, now: number, queuedBy: OutboxRow['queuedBy'] = null): OutboxRow {
  return {
    tokenLocalId,
    status: 'pending',
    attempts: 0,
    createdAt: now,
    lastTriedAt: null,
    lastError: null,
    nextTryAt: 0,
    leaseUntil: 0,
    leaseOwner: null,
    conflicts: null,
    op,
    journalId: crypto.randomUUID(),
    queuedBy,
  };
}

/**
 * Queues one change of a token inside the caller's transaction (as Signal's `JobQueue.add(data, insert)`):
 * behind a stuck change of the same token it waits, parked with the reason; else it is pending and
 * wakes the scheduler once the transaction commits. Either way it is journalled after the commit.
 */
export async function enqueue(db: TokenDeskDatabase, tokenLocalId: string, op: QueuedOp, now: number): Promise<void> {
  await enqueueRow(db, newOutboxRow(tokenLocalId, op, now, db.actor.operator));
}

/** Queues `row` as `enqueue` does, and journals it once the caller's transaction commits. */
export async function enqueueRow(db: TokenDeskDatabase, row: OutboxRow): Promise<SentRow> {
  const head = await stuckHead(db, row.tokenLocalId);
  const queued = head ? { ...row, status: 'parked' as const, lastError: waitingError(head.lastError) } : row;
  const seq = await db.outbox.add(queued);
  if (!head) wakeOnCommit(db);
  const sent = { ...queued, seq };
  journalRows(db, [sent]);
  return sent;
}
