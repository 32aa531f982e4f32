import { recordT } from '../i18n';
import type { FieldConflict } from '../../shared/ipc/contract';
import type { ServerToken } from '../../shared/token/serverToken';
import { describeConflicts } from '../changeText';
import type { TokenDeskDatabase } from '../storage/database';
import type { OutboxRow, SentRow, TokenRow } from '../storage/rows';
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

export interface TokenSettle {
  localId: string;
  /** The CRM's copy of the token, when the change brought one. */
  server?: ServerToken | null;
  patch?: Partial<TokenRow>;
}

/** The token already settled in this batch that holds `code`, else the stored one, unless this batch gave it another code. */
function holderOf(code: string, settled: ReadonlyMap<string, TokenRow>, stored: readonly TokenRow[]): TokenRow | undefined {
  for (const row of settled.values()) if (row.authenticationCode === code) return row;
  return stored.find((row) => row.authenticationCode === code && !settled.has(row.localId));
}

/**
 * Re-derives tokens' status from their remaining rows, inside the caller's transaction, as if one
 * after the other (`settles` name each token once). With a CRM copy, its facts are taken; its
 * editable fields too once no local change of the token is left. A few reads and one write for the
 * lot: the loop awaits nothing (see withServerValues).
 */
export async function settleTokens(db: TokenDeskDatabase, settles: readonly TokenSettle[], now: number): Promise<void> {
  const localIds = settles.map((settle) => settle.localId);
  const tokens = await db.tokens.bulkGet(localIds);
  const rowsByToken = new Map<string, SentRow[]>();
  for (const row of (await db.outbox.where('tokenLocalId').anyOf(localIds).sortBy('seq')) as SentRow[]) {
    const rows = rowsByToken.get(row.tokenLocalId);
    if (rows) rows.push(row);
    else rowsByToken.set(row.tokenLocalId, [row]);
  }
  // Only a CRM code other than the token's own can be held by another token.
  const taking = settles.flatMap(({ localId, server, patch }, i) => {
    const code = patch?.authenticationCode ?? tokens[i]?.authenticationCode;
    return server && code !== undefined && server.authenticationCode !== code && !rowsByToken.has(localId) ? [server.authenticationCode] : [];
  });
  const holders = taking.length > 0 ? await db.tokens.where('authenticationCode').anyOf(taking).toArray() : [];
  const settled = new Map<string, TokenRow>();
  settles.forEach(({ localId, server = null, patch = {} }, i) => {
    const token = tokens[i];
    if (!token) return;
    const rows = rowsByToken.get(localId) ?? [];
    let next: TokenRow = { ...(server ? withServerFacts(token, server, now) : token), ...patch, updatedAt: now };
    if (server && rows.length === 0) {
      const holder = server.authenticationCode === next.authenticationCode ? next : holderOf(server.authenticationCode, settled, holders);
      next = withServerValues(next, server, holder);
    }
    settled.set(localId, withKeys({ ...next, ...statusFromRows(rows) }));
  });
  await db.tokens.bulkPut([...settled.values()]);
}

/** One token (see `settleTokens`). */
export function settleToken(
  db: TokenDeskDatabase,
  localId: string,
  now: number,
  server: ServerToken | null = null,
  patch: Partial<TokenRow> = {},
): Promise<void> {
  return settleTokens(db, [{ localId, server, patch }], now);
}
