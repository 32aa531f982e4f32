import { operationSchema, type Operation } from '../../shared/ipc/contract';
import { TokenOrder } from '../../shared/sync/tokenOrder';
import type { TokenDeskDatabase } from '../storage/database';
import type { SentRow } from '../storage/rows';
import { DEFAULT_BACKOFF, stillAhead } from './backoff';
import { park } from './parking';

/** How long a taken row is kept from other connections (windows) unless answered first. */
export const LEASE_MS = 120_000;

export interface TakeOptions {
  /** "Sync now": rows backing off go too. Timers and other triggers leave them until their time. */
  force?: boolean;
  /** The connection taking the rows; defaults to the database connection's own id. */
  owner?: string;
  /** Whether a lease's owner is still running; a dead owner's lease is void. Unknown: trust the lease's time. */
  isLive?: (owner: string) => boolean;
  /** Tokens with a change this sync has sent and not yet had answered: their changes wait for that answer. */
  holdBack?: ReadonlySet<string>;
}

/**
 * The next sendable operations in queue order (at most `max`). A row is sendable when it is pending,
 * due (or forced), and not leased by another live connection; a row that is not holds back every
 * later row of its token, so each token's changes reach the CRM in order. In the same transaction
 * each taken row's `attempts` is raised and it is leased, so a crash after sending still knows it may
 * have landed, and another window does not send it too. A row the contract would refuse is parked here.
 */
export function takeBatch(db: TokenDeskDatabase, max: number, now: number, options: TakeOptions = {}): Promise<Operation[]> {
  const { force = false, owner = db.connectionId, isLive = () => true, holdBack = new Set<string>() } = options;
  const leasedByOther = (row: SentRow) =>
    stillAhead(row.leaseUntil, now, LEASE_MS) && row.leaseOwner !== null && row.leaseOwner !== owner && isLive(row.leaseOwner);
  return db.transaction('rw', db.outbox, db.tokens, db.audit, async () => {
    const order = new TokenOrder();
    const candidates: SentRow[] = [];
    await db.outbox
      .toCollection()
      .until(() => candidates.length >= max)
      .each((stored) => {
        const row = stored as SentRow;
        if (!order.open(row.tokenLocalId)) return;
        if (holdBack.has(row.tokenLocalId) || row.status !== 'pending' || (!force && stillAhead(row.nextTryAt, now, DEFAULT_BACKOFF.capMs)) || leasedByOther(row)) order.stop(row.tokenLocalId);
        else candidates.push(row);
      });

    const operations: Operation[] = [];
    const sent: SentRow[] = [];
    for (const row of candidates) {
      if (!order.open(row.tokenLocalId)) continue;
      const attempt = row.attempts + 1;
      const checked = operationSchema.safeParse({ ...row.op, seq: row.seq, tokenLocalId: row.tokenLocalId, attempt });
      if (!checked.success) {
        order.stop(row.tokenLocalId);
        const detail = checked.error.issues[0]?.message ?? 'invalid operation';
        await park(db, row, { code: 'INVALID_OPERATION', message: `This change cannot be sent: ${detail}`, words: { code: 'unsendable', detail } }, now);
        continue;
      }
      operations.push(checked.data);
      sent.push({ ...row, attempts: attempt, lastTriedAt: now, leaseUntil: now + LEASE_MS, leaseOwner: owner });
    }
    await db.outbox.bulkPut(sent);
    return operations;
  });
}

/** Gives taken rows back without an answer (the push failed before main replied): no backoff, no lease. */
export async function releaseLeases(db: TokenDeskDatabase, seqs: readonly number[], owner: string = db.connectionId): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    for (const row of await db.outbox.bulkGet([...seqs])) {
      if (row?.seq !== undefined && row.leaseOwner === owner) await db.outbox.update(row.seq, { leaseUntil: 0, leaseOwner: null });
    }
  });
}
