import type { TokenDeskDatabase } from './database';
import type { SentRow } from './parking';
import type { TokenRow } from './rows';
import { isWaiting } from './waiting';

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
