import type { TokenRow } from './rows';

/**
 * What Find matches exactly, by rank: a code, a number, an identifier, a word of the owner's name or
 * a participant or account number. One entry per text (its best rank), so a read of one text
 * returns each token at most once.
 */
export const SearchRank = { Code: 0, Number: 1, Identifier: 2, Person: 3 } as const;
export type SearchRank = (typeof SearchRank)[keyof typeof SearchRank];
export const FIRST_RANK = SearchRank.Code;
export const LAST_RANK = SearchRank.Person;

/**
 * An index entry: an exact text and its rank, or a shorter prefix of the identifier and the rest of
 * it. Numbers sort before strings, so a text's exact entries come before its prefix entries, and
 * those list in identifier order. Keying the rest, not the whole identifier and a rank, keeps each
 * prefix entry about half as long; one read of one text still answers.
 */
export type SearchKey = [text: string, rank: SearchRank] | [prefix: string, rest: string];

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
  const keys = [...best].map(([text, rank]): SearchKey => [text, rank]);
  const identifier = row.identifier ? normalizeSearch(row.identifier) : '';
  for (let end = 1; end < identifier.length; end += 1) {
    const prefix = identifier.slice(0, end);
    if (!best.has(prefix)) keys.push([prefix, identifier.slice(end)]);
  }
  return keys;
}
