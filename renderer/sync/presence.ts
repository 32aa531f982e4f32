import type { LiveOwners } from './types';

const PREFIX = 'token-desk-connection:';

type Locks = Pick<LockManager, 'request' | 'query'>;

/**
 * Lets each window tell which other windows are still running, through Web Locks (they outlive no
 * window: a closed or reloaded page drops its locks). This window holds a lock named after its
 * connection for as long as it lives; `liveOwners` lists the holders. A lease whose owner is gone is
 * void, so a reload between "CRM answered" and "applied" does not leave changes waiting for the lease
 * to run out. Without Web Locks, it says nothing (leases then hold until their time).
 */
export function windowPresence(owner: string, locks: Locks | undefined = globalThis.navigator?.locks): LiveOwners | undefined {
  if (!locks) return undefined;
  void locks.request(`${PREFIX}${owner}`, () => new Promise<never>(() => undefined)).catch(() => undefined);
  return async () => {
    try {
      const { held = [], pending = [] } = await locks.query();
      const names = new Set([...held, ...pending].map((lock) => lock.name));
      return (candidate) => names.has(`${PREFIX}${candidate}`);
    } catch {
      return () => true;
    }
  };
}
