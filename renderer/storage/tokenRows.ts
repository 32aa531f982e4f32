import type { BaseVersion } from '../../shared/ipc/contract';
import type { ServerToken } from '../../shared/token/serverToken';
import { IN_STOCK, type StockFlag, type SyncStatus, type TokenRow } from './rows';
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
    lastProblem: null,
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
/** Whether the CRM's copy is a card still free to hand out: no owner, no identifier, effective. */
export function freeToHandOut(server: ServerToken): boolean {
  return server.participant === null && server.identifier === null && server.lifeCycleState === 'EFFECTIVE';
}

/** A card on hand leaves the stock once the CRM shows it taken elsewhere (an owner, an identifier, switched off). */
function stockAfter(current: StockFlag, server: ServerToken): StockFlag {
  if (server.participant !== null) return 0;
  return current === IN_STOCK && !freeToHandOut(server) ? 0 : current;
}

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
    stock: stockAfter(token.stock, server),
  });
}

/**
 * The fields a counter edits, as the CRM holds them; the CRM's code only if no other local token holds
 * it (`holder`: the one holding it here, if any). The caller looks the holder up: inside a Dexie
 * transaction, a run of awaits that touch no table loses it (Dexie follows a transaction across at most
 * about a hundred such awaits in a row), so a batch's loop must not await per token.
 */
export function withServerValues(token: TokenRow, server: ServerToken, holder: TokenRow | undefined): TokenRow {
  const next = { ...token, lifeCycleState: server.lifeCycleState, identifier: server.identifier };
  if (holder === undefined || holder.localId === token.localId) next.authenticationCode = server.authenticationCode;
  return withKeys(next);
}

/** A token that was synced shows pending after a local change; attention and conflict stay until resolved. */
export function statusAfterLocalChange(token: TokenRow): SyncStatus {
  return token.syncStatus === 'synced' ? 'pending' : token.syncStatus;
}
