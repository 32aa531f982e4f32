import { t } from '../i18n';
import type { TokenDeskDatabase } from './database';

/** Why the local database cannot be used, in the clerk's words. */
export type DatabaseDamage =
  | { kind: 'newer'; detail: string }
  | { kind: 'full'; detail: string }
  | { kind: 'incomplete'; detail: string }
  | { kind: 'unreadable'; detail: string };

export const describeDamage = (damage: DatabaseDamage): string => t(`recovery.damage.${damage.kind}`);

/** The browser's own error beneath Dexie's wrapper (Dexie's OpenFailedError carries it as `inner`). */
function innermost(error: unknown): { name: string; message: string } {
  let current: unknown = error;
  while (current instanceof Error && 'inner' in current && current.inner instanceof Error) current = current.inner;
  return current instanceof Error ? { name: current.name, message: current.message } : { name: 'Error', message: String(error) };
}

function damageOf(error: unknown): DatabaseDamage {
  const { name, message } = innermost(error);
  const detail = `${name}: ${message}`;
  if (name === 'VersionError') return { kind: 'newer', detail };
  if (name === 'QuotaExceededError') return { kind: 'full', detail };
  if (name === 'NotFoundError') return { kind: 'incomplete', detail };
  return { kind: 'unreadable', detail };
}

/**
 * Opens the database and checks that every store is there and readable; answers what is wrong, or
 * null when it can be used. A database that opens but lost rows is not damage here: the journal puts
 * those back (reconcileJournal).
 */
export async function openLocalDatabase(db: TokenDeskDatabase): Promise<DatabaseDamage | null> {
  try {
    await db.open();
    const present = db.backendDB().objectStoreNames;
    const missing = db.tables.map((table) => table.name).filter((name) => !present.contains(name));
    if (missing.length > 0) return { kind: 'incomplete', detail: `Missing stores: ${missing.join(', ')}` };
    await db.transaction('r', db.tables, () => Promise.all(db.tables.map((table) => table.limit(1).toArray())));
    return null;
  } catch (error) {
    db.close();
    return damageOf(error);
  }
}
