import Dexie from 'dexie';
import type { ParticipantSummary } from '../../shared/token/serverToken';
import type { TokenDeskDatabase } from './database';
import { HANDED_OUT, IN_STOCK, type TokenRow } from './rows';
import { FIRST_RANK, normalizeSearch, SearchRank } from './searchKeys';

export const SEARCH_LIMIT = 50;
/** Tokens Find lists while nothing is typed. */
const RECENT_LIMIT = 10;

/** Tokens with an exact entry for `key` ranked `from` up to (not including) `until`, in rank order: one index read. */
function byKey(db: TokenDeskDatabase, key: string, from: SearchRank, until: number, limit = Infinity): Promise<TokenRow[]> {
  return db.tokens.where('searchKeys').between([key, from], [key, until], true, false).limit(limit).toArray();
}

/**
 * Tokens matching what a counter types: an exact authentication code or number first, then an
 * exact identifier or owner's name word or participant or account number, then identifiers that
 * start with it, in identifier order (ignoring case and accents). One index read of the text's
 * entries (its prefix entries sort after its ranks); at most `limit` rows, each once.
 */
export async function findTokens(db: TokenDeskDatabase, text: string, limit = SEARCH_LIMIT): Promise<TokenRow[]> {
  const key = normalizeSearch(text);
  if (key === '') return [];
  if (!db.isOpen()) await openLikeDexie(db);
  return searchKeysRead(db.backendDB(), searchRange(key), limit);
}

/** The search-keys entries of a normalized text: its exact ranks, then its prefix entries. */
export function searchRange(key: string): IDBKeyRange {
  return IDBKeyRange.bound([key, FIRST_RANK], [key, []], false, true);
}

/** Opens a closed database as Dexie's own reads do: one closed on purpose stays closed. */
async function openLikeDexie(db: TokenDeskDatabase): Promise<void> {
  if (db.hasBeenClosed()) throw new Dexie.DatabaseClosedError();
  await db.open();
}

/**
 * Find's one read, through the connection Dexie opened rather than through Dexie: Dexie's transaction,
 * promises and middleware cost about 0.1 ms a read, a fifth of the read itself at 10,000 tokens
 * (docs/performance.md). Nothing of Dexie's is needed here: the read stands alone (never inside a
 * transaction) and no liveQuery observes it (useLiveTokensRead listens for token changes itself).
 */
function searchKeysRead(idb: IDBDatabase, range: IDBKeyRange, limit: number): Promise<TokenRow[]> {
  return new Promise((resolve, reject) => {
    const request = idb.transaction('tokens', 'readonly').objectStore('tokens').index('searchKeys').getAll(range, limit);
    request.onsuccess = () => resolve(request.result as TokenRow[]);
    request.onerror = () => reject(request.error ?? new Error('the search could not be read'));
  });
}

/** What Find lists for what is typed: the matches (`findTokens`), or the tokens touched last while nothing is. */
export function tokensForSearch(db: TokenDeskDatabase, query: string, limit: number): Promise<TokenRow[]> {
  return query === '' ? recentTokens(db, RECENT_LIMIT) : findTokens(db, query, limit);
}

/** The tokens touched last at this counter, newest first. */
export function recentTokens(db: TokenDeskDatabase, limit = SEARCH_LIMIT): Promise<TokenRow[]> {
  return db.tokens.orderBy('updatedAt').reverse().limit(limit).toArray();
}

/**
 * The one token a scan or a typed value names exactly: its authentication code, else its identifier,
 * else its number (ignoring case). Null when none, or when the value is ambiguous.
 */
export async function findExact(db: TokenDeskDatabase, text: string): Promise<TokenRow | null> {
  const key = normalizeSearch(text);
  if (key === '') return null;
  const rows = await byKey(db, key, SearchRank.Code, SearchRank.Identifier + 1);
  const rankOf = (row: TokenRow) => row.searchKeys.find(([text]) => text === key)?.[1];
  const ranked = (rank: SearchRank) => rows.filter((row) => rankOf(row) === rank);
  const [byCode] = ranked(SearchRank.Code);
  if (byCode) return byCode;
  for (const rank of [SearchRank.Identifier, SearchRank.Number]) {
    const found = ranked(rank);
    if (found.length === 1) return found[0] ?? null;
  }
  return null;
}

const LOOK_AT = 20;

/** The identifiers this counter holds that read the same as `identifier` ignoring case and accents, as spelled. */
export async function identifierSpellings(db: TokenDeskDatabase, identifier: string): Promise<string[]> {
  const rows = await byKey(db, normalizeSearch(identifier), SearchRank.Identifier, SearchRank.Identifier + 1, LOOK_AT);
  return [...new Set(rows.flatMap((row) => (row.identifier === null ? [] : [row.identifier])))];
}

/** What this counter's cache knows of a participant, from the tokens it holds of them (by index). */
export async function knownParticipant(db: TokenDeskDatabase, participantNumber: string): Promise<ParticipantSummary | null> {
  const tokens = await db.tokens.where('participantNumber').equals(participantNumber).limit(LOOK_AT).toArray();
  return tokens.find((token) => token.participant?.ownerName)?.participant ?? tokens.find((token) => token.participant)?.participant ?? null;
}

/** A participant's tokens this counter holds, by index, at most `limit`. */
export function participantTokens(db: TokenDeskDatabase, participantNumber: string, limit: number): Promise<TokenRow[]> {
  return db.tokens.where('participantNumber').equals(participantNumber).limit(limit).toArray();
}

/** Stock tokens on hand, by index, at most `limit`. */
export function stockOnHand(db: TokenDeskDatabase, limit: number): Promise<TokenRow[]> {
  return db.tokens.where('stock').equals(IN_STOCK).limit(limit).toArray();
}

/** Not-associated tokens held to hand out offline. */
export function stockCount(db: TokenDeskDatabase): Promise<number> {
  return db.tokens.where('stock').equals(IN_STOCK).count();
}

/** Stock tokens this counter has handed out (still not associated in the CRM). */
export function handedOutCount(db: TokenDeskDatabase): Promise<number> {
  return db.tokens.where('stock').equals(HANDED_OUT).count();
}

/** The token an authentication code names, ignoring case and accents (one read of its code search key). */
export async function tokenByCode(db: TokenDeskDatabase, code: string): Promise<TokenRow | null> {
  const key = normalizeSearch(code);
  if (key === '') return null;
  const [token] = await byKey(db, key, SearchRank.Code, SearchRank.Code + 1, 1);
  return token ?? null;
}
