import { t } from '../i18n';
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
  if (state === null) return t('settings.diagnostics.storageUnchecked');
  const kept = t(`settings.diagnostics.${state.persisted === true ? 'persistent' : state.persisted === false ? 'notPersistent' : 'unknown'}`);
  if (state.usageBytes === null || state.quotaBytes === null) return t('settings.diagnostics.storage', { kept });
  return t('settings.diagnostics.storageUsed', { kept, used: Math.round(state.usageBytes / MB), quota: Math.round(state.quotaBytes / MB) });
}
