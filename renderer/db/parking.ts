import type { SyncError } from '../../shared/ipc/contract';
import type { TokenDeskDatabase } from './database';
import { addAudit } from './audit';
import type { OutboxRow, QueuedOp } from './rows';
import { settleToken } from './tokenState';
import { holdBehind } from './waiting';

/** An outbox row read back from the table: it has its sequence number. */
export type SentRow = OutboxRow & { seq: number };

export function describeOp(op: QueuedOp): string {
  switch (op.kind) {
    case 'create':
      return `create ${op.authenticationCode}`;
    case 'setState':
      return `set ${op.target === 'EFFECTIVE' ? 'effective' : 'not effective'}`;
    case 'update':
      return `update ${op.authenticationCode}`;
    case 'verify':
      return `verify ${op.authenticationCode}`;
  }
}

/**
 * Marks one row as needing the operator, its token too, and parks the token's later changes behind it.
 * Runs inside the caller's transaction.
 */
export async function park(db: TokenDeskDatabase, row: SentRow, error: SyncError, now: number): Promise<void> {
  await db.outbox.update(row.seq, { status: 'parked', lastError: error, leaseUntil: 0, leaseOwner: null });
  await holdBehind(db, row, error);
  await settleToken(db, row.tokenLocalId, now);
  await addAudit(db, row.tokenLocalId, { action: row.op.kind, detail: `${describeOp(row.op)}: ${error.message}`, outcome: 'parked' }, now);
}
