import type { TokenDeskDatabase } from '../storage/database';
import { EMPTY_COUNTS, QUEUE_COUNTS_KEY } from '../storage/queueCounts';
import type { SentRow, TokenRow } from '../storage/rows';
import { isWaiting, stuckHead } from './parking';
import { rowsOf } from './tokenStatus';

/** An outbox row with the token it concerns (null when the token row is gone). */
export interface QueueEntry {
  row: SentRow;
  token: TokenRow | null;
}

async function withTokens(db: TokenDeskDatabase, rows: readonly SentRow[]): Promise<QueueEntry[]> {
  const tokens = await db.tokens.bulkGet([...new Set(rows.map((row) => row.tokenLocalId))]);
  const byId = new Map(tokens.filter((token): token is TokenRow => token !== undefined).map((token) => [token.localId, token]));
  return rows.map((row) => ({ row, token: byId.get(row.tokenLocalId) ?? null }));
}

/** A token, its first change that needs the operator and its queued verification (null: none), read together so they always agree. */
export interface TokenDetail {
  token: TokenRow;
  stuck: SentRow | null;
  verification: SentRow | null;
}

/** The token (null when this counter does not hold it) with its stuck change, in one read transaction. */
export function tokenDetail(db: TokenDeskDatabase, localId: string): Promise<TokenDetail | null> {
  return db.transaction('r', db.tokens, db.outbox, async () => {
    const token = await db.tokens.get(localId);
    if (!token) return null;
    const verification = (await rowsOf(db, localId)).find((row) => row.op.kind === 'verify') ?? null;
    return { token, stuck: (await stuckHead(db, localId)) ?? null, verification };
  });
}

/** The first `limit` queued changes in the order they will be sent (primary key order). */
export async function queueEntries(db: TokenDeskDatabase, limit: number): Promise<QueueEntry[]> {
  return withTokens(db, (await db.outbox.limit(limit).toArray()) as SentRow[]);
}

/** Changes that wait for the operator (refused or in conflict; not those merely waiting behind them), oldest first. */
export async function attentionEntries(db: TokenDeskDatabase, limit: number): Promise<QueueEntry[]> {
  const rows = (await db.outbox.where('status').anyOf('parked', 'conflict').limit(limit).toArray()) as SentRow[];
  return withTokens(db, rows.filter((row) => !isWaiting(row)).sort((a, b) => a.seq - b.seq));
}

export function queueSize(db: TokenDeskDatabase): Promise<number> {
  return db.outbox.count();
}

/** Queued changes waiting to be sent. */
export function countPending(db: TokenDeskDatabase): Promise<number> {
  return db.outbox.where('status').equals('pending').count();
}

/** Queued changes the CRM refused for good; they wait for the operator. */
export function countParked(db: TokenDeskDatabase): Promise<number> {
  return db.outbox.where('status').equals('parked').count();
}

/** Queued changes the CRM changed meanwhile; the operator chooses. */
export function countConflicts(db: TokenDeskDatabase): Promise<number> {
  return db.outbox.where('status').equals('conflict').count();
}

export interface QueueStats {
  pending: number;
  parked: number;
  conflicts: number;
  /** When the oldest change still waiting to be sent was made (epoch ms), or null. */
  oldestPendingAt: number | null;
}

/** What the status bar shows about the queue: one read of the counts the outbox's writes keep. */
export async function queueStats(db: TokenDeskDatabase): Promise<QueueStats> {
  const { pending, parked, conflicts, oldestPending } = (await db.queueCounts.get(QUEUE_COUNTS_KEY)) ?? EMPTY_COUNTS;
  return { pending, parked, conflicts, oldestPendingAt: oldestPending?.createdAt ?? null };
}
