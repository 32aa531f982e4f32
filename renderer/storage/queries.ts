import type { ParticipantSummary } from '../../shared/token/serverToken';
import type { TokenDeskDatabase } from './database';
import { HANDED_OUT, IN_STOCK, type TokenRow } from './rows';

export const SEARCH_LIMIT = 50;

/**
 * Tokens matching what a counter types: an exact authentication code, an exact number, or an
 * identifier prefix (codes and identifiers ignore case). Index lookups only; at most `limit` rows.
 */
export async function findTokens(db: TokenDeskDatabase, text: string, limit = SEARCH_LIMIT): Promise<TokenRow[]> {
  const query = text.trim();
  if (query === '') return [];
  const key = query.toUpperCase();
  const [byCode, byNumber, byIdentifier] = await db.transaction('r', db.tokens, () =>
    Promise.all([
      db.tokens.where('codeKey').equals(key).limit(limit).toArray(),
      db.tokens.where('number').equals(query).limit(limit).toArray(),
      db.tokens.where('identifierKey').startsWith(key).limit(limit).toArray(),
    ]),
  );
  const seen = new Set<string>();
  const found: TokenRow[] = [];
  for (const token of [...byCode, ...byNumber, ...byIdentifier]) {
    if (found.length >= limit) break;
    if (seen.has(token.localId)) continue;
    seen.add(token.localId);
    found.push(token);
  }
  return found;
}

/** The tokens touched last at this counter, newest first. */
export function recentTokens(db: TokenDeskDatabase, limit = SEARCH_LIMIT): Promise<TokenRow[]> {
  return db.tokens.orderBy('updatedAt').reverse().limit(limit).toArray();
}

const single = (rows: readonly TokenRow[]): TokenRow | null => (rows.length === 1 ? (rows[0] ?? null) : null);

/**
 * The one token a scan or a typed value names exactly: its authentication code, else its identifier,
 * else its number (codes and identifiers ignore case). Null when none, or when the value is ambiguous.
 */
export async function findExact(db: TokenDeskDatabase, text: string): Promise<TokenRow | null> {
  const query = text.trim();
  if (query === '') return null;
  const key = query.toUpperCase();
  const byCode = await db.tokens.where('codeKey').equals(key).first();
  if (byCode) return byCode;
  const byIdentifier = single(await db.tokens.where('identifierKey').equals(key).limit(2).toArray());
  return byIdentifier ?? single(await db.tokens.where('number').equals(query).limit(2).toArray());
}

const LOOK_AT = 20;

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

/** The token an authentication code names, ignoring case (one index read on the upper-case key). */
export async function tokenByCode(db: TokenDeskDatabase, code: string): Promise<TokenRow | null> {
  return (await db.tokens.where('codeKey').equals(code.toUpperCase()).first()) ?? null;
}
