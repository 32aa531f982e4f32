import Dexie, { type ObservabilitySet } from 'dexie';
import { useLayoutEffect, useState, type DependencyList } from 'react';
import { flushSync } from 'react-dom';
import type { TokenDeskDatabase } from '../storage/database';

/** Whether a change Dexie announces (`storagemutated`) is one of `db`'s tokens. */
export const touchesTokens = (db: TokenDeskDatabase, parts: ObservabilitySet) => {
  const prefix = `idb://${db.name}/tokens/`;
  return Object.keys(parts).some((part) => part.startsWith(prefix));
};

/**
 * A read of the tokens table that stays current, for what a counter types. useLiveQuery starts each
 * new read on a timer and shows its answer in a later task; this reads at once when `deps` change and
 * shows the answer as soon as it comes, so a keystroke's results are in the page one read after it.
 * It reads again whenever tokens change, in this window or another (Dexie's storagemutated), and
 * keeps the last answer on screen while a new one is read. A failed read goes to the error boundary.
 */
export function useLiveTokensRead<T>(db: TokenDeskDatabase, read: () => Promise<T>, deps: DependencyList): T | undefined {
  const [state, setState] = useState<{ answer?: T; error?: unknown }>({});
  useLayoutEffect(() => {
    let current = true;
    let reading = false;
    let again = false;
    const run = () => {
      reading = true;
      read()
        .then(
          (answer) => {
            if (current) flushSync(() => setState({ answer }));
          },
          (error: unknown) => {
            if (current) setState({ error });
          },
        )
        .finally(() => {
          reading = false;
          if (current && again) {
            again = false;
            run();
          }
        });
    };
    const onChange = (parts: ObservabilitySet) => {
      if (!touchesTokens(db, parts)) return;
      if (reading) again = true;
      else run();
    };
    Dexie.on.storagemutated.subscribe(onChange);
    run();
    return () => {
      current = false;
      Dexie.on.storagemutated.unsubscribe(onChange);
    };
    // The caller's deps decide when the read is new, as with useLiveQuery.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, ...deps]);
  if (state.error !== undefined) throw state.error;
  return state.answer;
}
