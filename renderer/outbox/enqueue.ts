import type { TokenDeskDatabase } from '../storage/database';
import type { OutboxRow, QueuedOp } from '../storage/rows';
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
    queuedBy,
  };
}

/**
 * Queues one change of a token inside the caller's transaction (as Signal's `JobQueue.add(data, insert)`):
 * behind a stuck change of the same token it waits, parked with the reason; else it is pending and
 * wakes the scheduler once the transaction commits.
 */
export async function enqueue(db: TokenDeskDatabase, tokenLocalId: string, op: QueuedOp, now: number): Promise<void> {
  const head = await stuckHead(db, tokenLocalId);
  const row = newOutboxRow(tokenLocalId, op, now, db.actor.operator);
  await db.outbox.add(head ? { ...row, status: 'parked', lastError: waitingError(head.lastError) } : row);
  if (!head) wakeOnCommit(db);
}
