import { recordT } from '../i18n';
import type { FieldConflict } from '../../shared/ipc/contract';
import type { ServerToken } from '../../shared/token/serverToken';
import { describeConflicts } from '../changeText';
import type { TokenDeskDatabase } from '../storage/database';
import type { OutboxRow, SentRow, SyncStatus, TokenRow } from '../storage/rows';
import { withKeys, withServerFacts, withServerValues } from '../storage/tokenRows';

/** A token's outbox rows in queue order. */
export async function rowsOf(db: TokenDeskDatabase, localId: string): Promise<SentRow[]> {
  const rows = (await db.outbox.where('tokenLocalId').equals(localId).toArray()) as SentRow[];
  return rows.sort((a, b) => a.seq - b.seq);
}

/** The conflicting fields set to the CRM's values or to mine (the contract reports identifier conflicts only). */
export function conflictValues(conflicts: readonly FieldConflict[], side: 'crm' | 'mine'): Partial<Pick<TokenRow, 'identifier'>> {
  const identifier = conflicts.find((conflict) => conflict.field === 'identifier');
  return identifier ? { identifier: identifier[side] } : {};
}

/** A token's sync status and reason follow from its first outbox row that is not simply waiting. */
export function statusFromRows(rows: readonly OutboxRow[]): { syncStatus: SyncStatus; lastError: string | null } {
  const stuck = rows.find((row) => row.status !== 'pending');
  if (stuck?.status === 'conflict') return { syncStatus: 'conflict', lastError: describeConflicts(stuck.conflicts ?? [], recordT) };
  if (stuck?.status === 'parked') return { syncStatus: 'attention', lastError: stuck.lastError?.message ?? null };
  return rows.length > 0 ? { syncStatus: 'pending', lastError: null } : { syncStatus: 'synced', lastError: null };
}

/**
 * Re-derives a token's status from its remaining rows, inside the caller's transaction. With a CRM
 * copy, its facts are taken; its editable fields too once no local change of the token is left.
 */
export async function settleToken(
  db: TokenDeskDatabase,
  localId: string,
  now: number,
  server: ServerToken | null = null,
  patch: Partial<TokenRow> = {},
): Promise<void> {
  const token = await db.tokens.get(localId);
  if (!token) return;
  const rows = await rowsOf(db, localId);
  let next: TokenRow = { ...(server ? withServerFacts(token, server, now) : token), ...patch, updatedAt: now };
  if (server && rows.length === 0) next = await withServerValues(db, next, server);
  await db.tokens.put(withKeys({ ...next, ...statusFromRows(rows) }));
}
