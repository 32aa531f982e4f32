import type { StorageState } from '../../shared/ipc/contract';

/** The part of navigator.storage the start uses (absent outside a secure context). */
export type StorageManagerLike = Pick<StorageManager, 'persisted' | 'persist' | 'estimate'>;

/**
 * Asks, at start, that the browser never evict this origin's data under disk pressure (Electron's
 * permission handler grants it to the app). A refusal changes nothing else: the journal in main is
 * the copy that survives an eviction, and the answer is shown in Settings and in diagnostics.
 */
export async function askPersistentStorage(storage: StorageManagerLike | undefined): Promise<StorageState> {
  if (!storage) return { persisted: null, usageBytes: null, quotaBytes: null };
  let persisted: boolean | null;
  try {
    persisted = (await storage.persisted()) || (await storage.persist());
  } catch {
    persisted = null;
  }
  const estimate = await storage.estimate().catch(() => ({}) as StorageEstimate);
  return { persisted, usageBytes: estimate.usage ?? null, quotaBytes: estimate.quota ?? null };
}

const MB = 1024 * 1024;

/** The storage line of Settings' diagnostics, in words. */
export function describeStorage(state: StorageState | null): string {
  if (state === null) return 'Storage: not checked yet.';
  const kept =
    state.persisted === true
      ? 'persistent (the browser keeps it under disk pressure)'
      : state.persisted === false
        ? 'not persistent: the browser refused, and may clear it when the disk is nearly full; unsynced work is also kept in Token Desk\'s journal'
        : 'unknown (this window cannot ask)';
  const used = state.usageBytes !== null && state.quotaBytes !== null ? `; ${Math.round(state.usageBytes / MB)} MB used of ${Math.round(state.quotaBytes / MB)} MB allowed` : '';
  return `Storage: ${kept}${used}.`;
}
