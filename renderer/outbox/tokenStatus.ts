import { recordT } from '../i18n';
import type { FieldConflict } from '../../shared/ipc/contract';
import type { ServerToken } from '../../shared/token/serverToken';
import { describeConflicts } from '../changeText';
import type { TokenDeskDatabase } from '../storage/database';
import type { OutboxRow, SentRow, TokenRow } from '../storage/rows';
import { codeHolder, withKeys, withServerFacts, withServerValues } from '../storage/tokenRows';

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

/**
 * A token's sync status and reason follow from its first outbox row that is not simply waiting: the reason
 * in English (the record) and as data for the screen (none from a refusal that came without words).
 */
export function statusFromRows(rows: readonly OutboxRow[]): Pick<TokenRow, 'syncStatus' | 'lastError' | 'lastProblem'> {
  const stuck = rows.find((row) => row.status !== 'pending');
  if (stuck?.status === 'conflict') {
    const conflicts = stuck.conflicts ?? [];
    return { syncStatus: 'conflict', lastError: describeConflicts(conflicts, recordT), lastProblem: { kind: 'conflict', conflicts } };
  }
  if (stuck?.status === 'parked') {
    const words = stuck.lastError?.words;
    return { syncStatus: 'attention', lastError: stuck.lastError?.message ?? null, lastProblem: words ? { kind: 'refused', words } : null };
  }
  return { syncStatus: rows.length > 0 ? 'pending' : 'synced', lastError: null, lastProblem: null };
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
  if (server && rows.length === 0) {
    const holder = server.authenticationCode === next.authenticationCode ? next : await codeHolder(db, server.authenticationCode);
    next = withServerValues(next, server, holder);
  }
  await db.tokens.put(withKeys({ ...next, ...statusFromRows(rows) }));
}
