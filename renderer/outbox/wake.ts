import { Dexie, type Transaction } from 'dexie';
import type { TokenDeskDatabase } from '../storage/database';

const listeners = new WeakMap<TokenDeskDatabase, Set<() => void>>();

/** Calls `listener` each time a change becomes sendable in this database (after its transaction commits); returns the stop. */
export function watchEnqueued(db: TokenDeskDatabase, listener: () => void): () => void {
  const set = listeners.get(db) ?? new Set();
  listeners.set(db, set);
  set.add(listener);
  return () => set.delete(listener);
}

const notify = (db: TokenDeskDatabase) => {
  for (const listener of listeners.get(db) ?? []) listener();
};

/** Wakes the scheduler once the caller's transaction commits (a rolled-back change wakes nobody). */
export function wakeOnCommit(db: TokenDeskDatabase): void {
  const tx = Dexie.currentTransaction as Transaction | null;
  if (tx?.idbtrans) tx.idbtrans.addEventListener('complete', () => notify(db), { once: true });
  else notify(db);
}
