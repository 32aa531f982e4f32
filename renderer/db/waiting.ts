import type { SyncError } from '../../shared/ipc/contract';
import type { TokenDeskDatabase } from './database';
import type { OutboxRow } from './rows';
import { rowsOf } from './tokenState';

/** The code of a row parked only because an earlier change of its token needs the operator. */
export const WAITING = 'WAITING';

export function waitingError(head: SyncError | null): SyncError {
  return { code: WAITING, message: `Waits for an earlier change of this token: ${head?.message ?? 'it needs attention'}` };
}

export function isWaiting(row: OutboxRow): boolean {
  return row.status === 'parked' && row.lastError?.code === WAITING;
}

/** The first row of a token that needs the operator, if any; later changes must wait behind it. */
export async function stuckHead(db: TokenDeskDatabase, tokenLocalId: string): Promise<OutboxRow | undefined> {
  return (await rowsOf(db, tokenLocalId)).find((row) => row.status !== 'pending');
}

/**
 * Parks every later pending change of the token behind `head`, with the reason, so the leftovers of a
 * stuck token are visible as needing attention rather than silently pending. Inside the caller's transaction.
 */
export async function holdBehind(db: TokenDeskDatabase, head: OutboxRow & { seq: number }, error: SyncError): Promise<void> {
  for (const row of await rowsOf(db, head.tokenLocalId)) {
    if (row.seq > head.seq && row.status === 'pending') {
      await db.outbox.update(row.seq, { status: 'parked', lastError: waitingError(error), leaseUntil: 0, leaseOwner: null });
    }
  }
}

/** Once nothing stuck is ahead of them, a token's waiting changes go back in the queue. */
export async function releaseWaiting(db: TokenDeskDatabase, tokenLocalId: string): Promise<void> {
  for (const row of await rowsOf(db, tokenLocalId)) {
    if (row.status !== 'pending' && !isWaiting(row)) return;
    if (isWaiting(row)) await db.outbox.update(row.seq, { status: 'pending', lastError: null, nextTryAt: 0 });
  }
}
