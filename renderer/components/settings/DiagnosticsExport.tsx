import { useTranslation } from '../../i18n';
import { useState } from 'react';
import type { RendererSyncState } from '../../../shared/ipc/contract';
import type { SyncState } from '../../stores/syncStore';
import { ActionError, useAction } from '../useAction';
import { useAppStore, useServices } from '../../context';
import { describeStorage } from '../../storage/persistence';

/** The sync store's data fields: store functions cannot cross IPC. */
export function syncStateForSupport(state: SyncState): RendererSyncState {
  const { crm, pendingCount, parkedCount, conflictCount, oldestPendingAt, lastSyncAt, lastMessage, lastError, syncing, storage } = state;
  return { crm, pendingCount, parkedCount, conflictCount, oldestPendingAt, lastSyncAt, lastMessage, lastError, syncing, ...(storage ? { storage } : {}) };
}

/** A support bundle (log, versions, sync state; no secrets), written by main into the user data folder. */
export function DiagnosticsExport() {
  const { api, sync } = useServices();
  const action = useAction();
  const [path, setPath] = useState<string | null>(null);
  const storage = useAppStore('sync', (state) => state.storage);
  const { t } = useTranslation();
  const exportBundle = () =>
    action.run(async () => {
      setPath(null);
      setPath((await api.exportDiagnostics({ rendererState: syncStateForSupport(sync.getState()) })).path);
    });
  return (
    <section aria-labelledby="diagnostics-title" className="settings-section">
      <h3 id="diagnostics-title">{t('settings.diagnostics.title')}</h3>
      <p className="hint">{t('settings.diagnostics.hint')}</p>
      <p className="storage-state">{describeStorage(storage)}</p>
      <button type="button" disabled={action.busy} onClick={() => void exportBundle()}>
        {t('settings.diagnostics.export')}
      </button>
      <p role="status">{path ? t('settings.diagnostics.saved', { path }) : null}</p>
      <ActionError error={action.error} />
    </section>
  );
}
