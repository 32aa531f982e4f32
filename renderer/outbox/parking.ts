import type { SyncError } from '../../shared/ipc/contract';
import { TokenOrder } from '../../shared/sync/tokenOrder';
import { addAudit } from '../storage/audit';
import { changeOf, reasonOf } from '../storage/auditWhat';
import type { TokenDeskDatabase } from '../storage/database';
import type { AuditBy, OutboxRow, SentRow } from '../storage/rows';
import { wakeOnCommit } from './wake';
import { rowsOf, settleToken } from './tokenStatus';

/** The code of a row parked only because an earlier change of its token needs the operator. */
export const WAITING = 'WAITING';

export function waitingError(head: SyncError | null): SyncError {
  return { code: WAITING, message: `Waits for an earlier change of this token: ${head?.message ?? 'it needs attention'}`, words: { code: 'waitsForEarlier' } };
}

/** A sync outcome is audited under the operator who queued the change, not whoever is signed in when it comes. */
export const queuedBy = (row: OutboxRow): AuditBy => ({ operator: row.queuedBy ?? null });

export function isWaiting(row: OutboxRow): boolean {
  return row.status === 'parked' && row.lastError?.code === WAITING;
}

/** The first row of a token that needs the operator, if any; later changes must wait behind it. */
export async function stuckHead(db: TokenDeskDatabase, tokenLocalId: string): Promise<SentRow | undefined> {
  return (await rowsOf(db, tokenLocalId)).find((row) => row.status !== 'pending');
}

/**
 * Parks every pending change of the token behind its first stuck one, with the reason, so the
 * leftovers of a stuck token are visible as needing attention rather than silently pending. Inside
 * the caller's transaction.
 */
export async function holdBehind(db: TokenDeskDatabase, tokenLocalId: string, error: SyncError): Promise<void> {
  const order = new TokenOrder();
  for (const row of await rowsOf(db, tokenLocalId)) {
    if (!order.open(tokenLocalId) && row.status === 'pending') {
      await db.outbox.update(row.seq, { status: 'parked', lastError: waitingError(error), leaseUntil: 0, leaseOwner: null });
    }
    if (row.status !== 'pending') order.stop(tokenLocalId);
  }
}

/** Once nothing stuck is ahead of them, a token's waiting changes go back in the queue. */
export async function releaseWaiting(db: TokenDeskDatabase, tokenLocalId: string): Promise<void> {
  for (const row of await rowsOf(db, tokenLocalId)) {
    if (row.status !== 'pending' && !isWaiting(row)) return;
    if (!isWaiting(row)) continue;
    await db.outbox.update(row.seq, { status: 'pending', lastError: null, nextTryAt: 0 });
    wakeOnCommit(db);
  }
}

/**
 * Marks one row as needing the operator, its token too, and parks the token's later changes behind it.
 * Runs inside the caller's transaction.
 */
export async function park(db: TokenDeskDatabase, row: SentRow, error: SyncError, now: number): Promise<void> {
  await db.outbox.update(row.seq, { status: 'parked', lastError: error, leaseUntil: 0, leaseOwner: null });
  await holdBehind(db, row.tokenLocalId, error);
  await settleToken(db, row.tokenLocalId, now);
  await addAudit(db, row.tokenLocalId, { action: row.op.kind, what: { kind: 'parked', change: changeOf(row.op), reason: reasonOf(error) }, outcome: 'parked' }, now, queuedBy(row));
}
