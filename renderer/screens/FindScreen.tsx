import { useLiveQuery } from 'dexie-react-hooks';
import { TokenList } from '../components/TokenList';
import { useAppStore, useServices } from '../context';
import { findTokens, recentTokens } from '../db/queries';
import type { TokenRow } from '../db/rows';

const RECENT_LIMIT = 10;

export function FindScreen() {
  const { db } = useServices();
  const search = useAppStore('ui', (state) => state.search);
  const setSearch = useAppStore('ui', (state) => state.setSearch);
  const query = search.trim();
  const results = useLiveQuery(() => (query === '' ? recentTokens(db, RECENT_LIMIT) : findTokens(db, query)), [db, query]);
  return (
    <section className="screen">
      <h2>Find a token</h2>
      <div className="field">
        <label htmlFor="search-tokens">Search tokens</label>
        <input
          id="search-tokens"
          type="search"
          value={search}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          placeholder="Authentication code, number or start of identifier"
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      <Results query={query} results={results} />
    </section>
  );
}

function Results({ query, results }: { query: string; results: readonly TokenRow[] | undefined }) {
  if (results === undefined) return null;
  if (query === '') {
    if (results.length === 0) return <p className="empty">No tokens on this counter yet. Issue one, or type a code to search.</p>;
    return (
      <>
        <h3>Recently changed</h3>
        <TokenList label="Recent tokens" tokens={results} />
      </>
    );
  }
  if (results.length === 0) return <p className="empty">No token matches</p>;
  return <TokenList label="Search results" tokens={results} />;
}
