import type { TokenRow } from './rows';

/**
 * What Find matches, by rank: an exact code, an exact number, an exact identifier, an exact word of
 * the owner's name or a participant or account number, then the identifier's shorter prefixes.
 * One entry per text (its best rank), so a read of one text returns each token at most once.
 */
export const SearchRank = { Code: 0, Number: 1, Identifier: 2, Person: 3, IdentifierPrefix: 4 } as const;
export type SearchRank = (typeof SearchRank)[keyof typeof SearchRank];
export const FIRST_RANK = SearchRank.Code;
export const LAST_RANK = SearchRank.IdentifierPrefix;

/**
 * An index entry: the normalized text and its rank, and for a prefix the whole identifier, so
 * prefix matches list in identifier order. Exact texts sort before longer ones, ranks in order.
 */
export type SearchKey = [text: string, rank: SearchRank] | [text: string, rank: SearchRank, identifier: string];

/** Upper case without accents, so "papadópoulos" finds "PAPADOPOULOS". Codes and typed text go through the same. */
export function normalizeSearch(text: string): string {
  return text.trim().normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase();
}

type Keyed = Pick<TokenRow, 'authenticationCode' | 'number' | 'identifier' | 'participantNumber' | 'participant'>;

/** Every key a token is found by; the one place that decides what Find matches. */
export function searchKeysOf(row: Keyed): SearchKey[] {
  const best = new Map<string, SearchRank>();
  const add = (text: string | null | undefined, rank: SearchRank) => {
    const key = text ? normalizeSearch(text) : '';
    if (key === '') return;
    const had = best.get(key);
    if (had === undefined || rank < had) best.set(key, rank);
  };
  add(row.authenticationCode, SearchRank.Code);
  add(row.number, SearchRank.Number);
  add(row.identifier, SearchRank.Identifier);
  add(row.participantNumber ?? row.participant?.number, SearchRank.Person);
  add(row.participant?.accountNumber, SearchRank.Person);
  for (const word of normalizeSearch(row.participant?.ownerName ?? '').split(/[^\p{L}\p{N}]+/u)) add(word, SearchRank.Person);
  const identifier = row.identifier ? normalizeSearch(row.identifier) : '';
  for (let end = 1; end < identifier.length; end += 1) add(identifier.slice(0, end), SearchRank.IdentifierPrefix);
  return [...best].map(([text, rank]): SearchKey => (rank === SearchRank.IdentifierPrefix ? [text, rank, identifier] : [text, rank]));
}
