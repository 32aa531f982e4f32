import Dexie, { type ObservabilitySet } from 'dexie';
import type { TokenDeskDatabase } from '../storage/database';
import { tokensForSearch } from '../storage/queries';
import type { TokenRow } from '../storage/rows';
import { touchesTokens } from './useLiveTokensRead';

/** The tokens a search found, with the text they answer. */
export interface Found {
  query: string;
  tokens: TokenRow[];
}

interface Ahead {
  db: TokenDeskDatabase;
  query: string;
  limit: number;
  answer: Promise<Found>;
  drop: () => void;
}

let ahead: Ahead | null = null;

function search(db: TokenDeskDatabase, query: string, limit: number): Promise<Found> {
  return tokensForSearch(db, query, limit).then((tokens) => ({ query, tokens }));
}

/**
 * Starts a keystroke's search as the key is pressed, so IndexedDB reads while React draws the box;
 * the results take it (`takeSearch`) when they draw, instead of starting their own read then. A token
 * change before it is taken spoils it (it may have read before the change), as does a newer search.
 */
export function searchAhead(db: TokenDeskDatabase, query: string, limit: number): void {
  ahead?.drop();
  const onChange = (parts: ObservabilitySet) => {
    if (touchesTokens(db, parts)) entry.drop();
  };
  const entry: Ahead = {
    db,
    query,
    limit,
    answer: search(db, query, limit),
    drop: () => {
      Dexie.on.storagemutated.unsubscribe(onChange);
      if (ahead === entry) ahead = null;
    },
  };
  // Whoever takes it sees a failure; one never taken must not be reported as unhandled.
  entry.answer.catch(() => undefined);
  Dexie.on.storagemutated.subscribe(onChange);
  ahead = entry;
}

/** The search started ahead for this text and limit, taken once and unspoilt; otherwise a new read. */
export function takeSearch(db: TokenDeskDatabase, query: string, limit: number): Promise<Found> {
  const entry = ahead;
  if (entry === null || entry.db !== db || entry.query !== query || entry.limit !== limit) return search(db, query, limit);
  entry.drop();
  return entry.answer;
}
