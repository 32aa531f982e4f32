import type { BaseVersion, FieldConflict } from '../../shared/ipc/contract';
import { LIFE_CYCLE_LABELS, lifeCycleStateSchema } from '../../shared/token/lifeCycle';
import type { ServerToken } from '../../shared/token/serverToken';
import type { TokenDeskDatabase } from './database';
import type { OutboxRow, SyncStatus, TokenRow } from './rows';
import { searchKeysOf } from './searchKeys';

type NewTokenFields = Pick<TokenRow, 'identifier' | 'authenticationCode' | 'lifeCycleState' | 'participantNumber' | 'syncStatus' | 'stock'>;

/** The keys Find searches; every write of a token row goes through here. */
export function withKeys<T extends Omit<TokenRow, 'searchKeys'>>(row: T): T & Pick<TokenRow, 'searchKeys'> {
  return { ...row, searchKeys: searchKeysOf(row) };
}

/** A token row with a fresh local id and no CRM facts yet. */
export function newTokenRow(fields: NewTokenFields, createdAt: number, updatedAt: number): TokenRow {
  return withKeys({
    localId: crypto.randomUUID(),
    serverId: null,
    number: null,
    participant: null,
    classificationName: null,
    serverCreatedDate: null,
    serverUpdatedDate: null,
    createdBy: null,
    updatedBy: null,
    confirmedAt: null,
    lastError: null,
    ...fields,
    createdAt,
    updatedAt,
  });
}

/** What the counter believes the CRM holds, taken just before a local change. */
export function baseOf(token: TokenRow): BaseVersion {
  return { updatedDate: token.serverUpdatedDate, lifeCycleState: token.lifeCycleState, identifier: token.identifier };
}

/** The facts only the CRM sets, and when it confirmed them. */
export function withServerFacts(token: TokenRow, server: ServerToken, now: number): TokenRow {
  return withKeys({
    ...token,
    serverId: server.id,
    number: server.number,
    participant: server.participant,
    participantNumber: server.participant?.number ?? null,
    classificationName: server.classificationName,
    serverCreatedDate: server.createdDate,
    serverUpdatedDate: server.updatedDate,
    createdBy: server.createdBy,
    updatedBy: server.updatedBy,
    confirmedAt: now,
    stock: server.participant === null ? token.stock : 0,
  });
}

async function authenticationCodeFree(db: TokenDeskDatabase, code: string, localId: string): Promise<boolean> {
  const holder = await db.tokens.where('authenticationCode').equals(code).first();
  return holder === undefined || holder.localId === localId;
}

/** The fields a counter edits, as the CRM holds them (the code only if no other local token holds it). */
export async function withServerValues(db: TokenDeskDatabase, token: TokenRow, server: ServerToken): Promise<TokenRow> {
  const next = { ...token, lifeCycleState: server.lifeCycleState, identifier: server.identifier };
  if (await authenticationCodeFree(db, server.authenticationCode, token.localId)) next.authenticationCode = server.authenticationCode;
  return withKeys(next);
}

type ConflictFields = Partial<Pick<TokenRow, 'identifier' | 'lifeCycleState'>>;

/** The conflicting fields set to the CRM's values or to mine. */
export function conflictValues(conflicts: readonly FieldConflict[], side: 'crm' | 'mine'): ConflictFields {
  const values: ConflictFields = {};
  for (const conflict of conflicts) {
    const value = conflict[side];
    const state = lifeCycleStateSchema.safeParse(value);
    if (conflict.field === 'identifier') values.identifier = value;
    else if (state.success) values.lifeCycleState = state.data;
  }
  return values;
}

const FIELD_LABELS: Readonly<Record<string, string>> = { identifier: 'identifier', lifeCycleState: 'state' };

export const fieldLabel = (conflict: FieldConflict): string => FIELD_LABELS[conflict.field] ?? conflict.field;

/** A conflicting value as the operator reads it. */
export function showValue(conflict: FieldConflict, side: 'crm' | 'mine'): string {
  const value = conflict[side];
  if (value === null) return 'none';
  const state = conflict.field === 'identifier' ? null : lifeCycleStateSchema.safeParse(value);
  return state?.success ? LIFE_CYCLE_LABELS[state.data] : value;
}

export function describeConflicts(conflicts: readonly FieldConflict[]): string {
  const parts = conflicts.map((c) => `${fieldLabel(c)} is ${showValue(c, 'crm')} in the CRM, yours is ${showValue(c, 'mine')}`);
  return `Changed in the CRM meanwhile: ${parts.join('; ')}.`;
}

/** A token's sync status and reason follow from its first outbox row that is not simply waiting. */
export function statusFromRows(rows: readonly OutboxRow[]): { syncStatus: SyncStatus; lastError: string | null } {
  const stuck = rows.find((row) => row.status !== 'pending');
  if (stuck?.status === 'conflict') return { syncStatus: 'conflict', lastError: describeConflicts(stuck.conflicts ?? []) };
  if (stuck?.status === 'parked') return { syncStatus: 'attention', lastError: stuck.lastError?.message ?? null };
  return rows.length > 0 ? { syncStatus: 'pending', lastError: null } : { syncStatus: 'synced', lastError: null };
}

/** A token's outbox rows in queue order. */
export async function rowsOf(db: TokenDeskDatabase, localId: string): Promise<Array<OutboxRow & { seq: number }>> {
  const rows = await db.outbox.where('tokenLocalId').equals(localId).toArray();
  return (rows as Array<OutboxRow & { seq: number }>).sort((a, b) => a.seq - b.seq);
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

/** A token that was synced shows pending after a local change; attention and conflict stay until resolved. */
export function statusAfterLocalChange(token: TokenRow): SyncStatus {
  return token.syncStatus === 'synced' ? 'pending' : token.syncStatus;
}
