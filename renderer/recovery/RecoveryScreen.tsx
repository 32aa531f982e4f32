import { t, useTranslation } from '../i18n';
import { useEffect, useState } from 'react';
import type { RendererSyncState } from '../../shared/ipc/contract';
import type { TokenDeskApi } from '../../shared/ipc/tokenDeskApi';
import { Details } from '../components/Details';
import { ActionError, useAction } from '../components/useAction';
import { errorMessage } from '../errors';
import { describeDamage, type DatabaseDamage } from '../storage/openDatabase';

export type RecoveryApi = Pick<TokenDeskApi, 'journalRead' | 'exportUnsyncedWork' | 'exportDiagnostics' | 'clearLocalDatabase'>;

type Journal = { state: 'reading' } | { state: 'read'; count: number; problem: string | null } | { state: 'failed'; message: string };

function journalText(journal: Journal): string {
  if (journal.state === 'reading') return t('recovery.reading');
  if (journal.state === 'failed') return t('recovery.readFailed', { reason: journal.message });
  const safe = journal.count === 0 ? t('recovery.none') : t('recovery.safe', { count: journal.count });
  return journal.problem ? `${safe} ${journal.problem}` : safe;
}

/** What a support bundle says of a window that never got its queue. */
function supportState(damage: DatabaseDamage): RendererSyncState {
  const message = describeDamage(damage);
  return { crm: 'unknown', pendingCount: 0, parkedCount: 0, conflictCount: 0, oldestPendingAt: null, lastSyncAt: null, lastMessage: message, lastError: { code: `DATABASE_${damage.kind.toUpperCase()}`, message: damage.detail }, syncing: false };
}

/**
 * Replaces the app when the local database cannot be opened: says what happened and what the second
 * copy (main's journal) holds, and offers the safe ways on: export that work to a file, rebuild the
 * database from it, export diagnostics, or try again. It never shows an empty queue over lost work.
 */
export function RecoveryScreen({ damage, api, reload }: { damage: DatabaseDamage; api: RecoveryApi; reload: () => void }) {
  const [journal, setJournal] = useState<Journal>({ state: 'reading' });
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  useTranslation();
  useEffect(() => {
    api.journalRead({}).then(
      ({ entries, problem }) => setJournal({ state: 'read', count: entries.length, problem }),
      (error: unknown) => setJournal({ state: 'failed', message: errorMessage(error) }),
    );
  }, [api]);
  const exportWork = () => action.run(async () => {
    const { path, count } = await api.exportUnsyncedWork({});
    setDone(t('recovery.saved', { count, path }));
  });
  const exportDiagnostics = () =>
    action.run(async () => setDone(t('recovery.diagnosticsSaved', { path: (await api.exportDiagnostics({ rendererState: supportState(damage) })).path })));
  const rebuild = () => action.run(async () => {
    await api.clearLocalDatabase({});
    reload();
  });
  const readable = journal.state === 'read';
  return (
    <main className="recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title">{t('recovery.title')}</h1>
      <p role="alert">{describeDamage(damage)}</p>
      <p role="status">{journalText(journal)}</p>
      <Details text={damage.detail} />
      <h2>{t('recovery.whatToDo')}</h2>
      <ul className="recovery-actions">
        <li>
          <button type="button" disabled={action.busy || !readable} onClick={() => void exportWork()}>
            {t('recovery.export')}
          </button>
          <p className="hint">{t('recovery.exportHint')}</p>
        </li>
        <li>
          <button type="button" disabled={action.busy || !readable} onClick={() => void rebuild()}>
            {t('recovery.rebuild')}
          </button>
          <p className="hint">{damage.kind === 'newer' ? `${t('recovery.newerHint')} ${t('recovery.rebuildHint')}` : t('recovery.rebuildHint')}</p>
        </li>
        <li>
          <button type="button" disabled={action.busy} onClick={() => void exportDiagnostics()}>
            {t('recovery.diagnostics')}
          </button>
        </li>
        <li>
          <button type="button" disabled={action.busy} onClick={reload}>
            {t('recovery.tryAgain')}
          </button>
        </li>
      </ul>
      <p role="status">{done}</p>
      <ActionError error={action.error} />
    </main>
  );
}
