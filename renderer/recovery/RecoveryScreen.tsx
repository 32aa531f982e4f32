import { useEffect, useState } from 'react';
import type { RendererSyncState } from '../../shared/ipc/contract';
import type { TokenDeskApi } from '../../shared/ipc/tokenDeskApi';
import { Details } from '../components/Details';
import { ActionError, useAction } from '../components/useAction';
import { errorMessage } from '../errors';
import { describeDamage, type DatabaseDamage } from '../storage/openDatabase';

export type RecoveryApi = Pick<TokenDeskApi, 'journalRead' | 'exportUnsyncedWork' | 'exportDiagnostics' | 'clearLocalDatabase'>;

type Journal = { state: 'reading' } | { state: 'read'; count: number; problem: string | null } | { state: 'failed'; message: string };

const changes = (count: number) => (count === 1 ? '1 change' : `${count} changes`);

function journalText(journal: Journal): string {
  if (journal.state === 'reading') return 'Looking for unsynced work in the second copy…';
  if (journal.state === 'failed') return `The second copy of unsynced work could not be read: ${journal.message}`;
  const safe = journal.count === 0 ? 'No change waits to be sent to the CRM: the second copy holds none.' : `${changes(journal.count)} not yet sent to the CRM ${journal.count === 1 ? 'is' : 'are'} safe in the second copy Token Desk keeps beside the database.`;
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
  useEffect(() => {
    api.journalRead({}).then(
      ({ entries, problem }) => setJournal({ state: 'read', count: entries.length, problem }),
      (error: unknown) => setJournal({ state: 'failed', message: errorMessage(error) }),
    );
  }, [api]);
  const exportWork = () => action.run(async () => {
    const { path, count } = await api.exportUnsyncedWork({});
    setDone(`Saved ${changes(count)} to ${path}.`);
  });
  const exportDiagnostics = () => action.run(async () => setDone(`Diagnostics saved to ${(await api.exportDiagnostics({ rendererState: supportState(damage) })).path}.`));
  const rebuild = () => action.run(async () => {
    await api.clearLocalDatabase({});
    reload();
  });
  const readable = journal.state === 'read';
  return (
    <main className="recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title">Token Desk cannot open its local database</h1>
      <p role="alert">{describeDamage(damage)}</p>
      <p role="status">{journalText(journal)}</p>
      <Details text={damage.detail} />
      <h2>What you can do</h2>
      <ul className="recovery-actions">
        <li>
          <button type="button" disabled={action.busy || !readable} onClick={() => void exportWork()}>
            Export unsynced work to a file
          </button>
          <p className="hint">A copy to keep, or to take to another computer.</p>
        </li>
        <li>
          <button type="button" disabled={action.busy || !readable} onClick={() => void rebuild()}>
            Rebuild the database from the second copy
          </button>
          <p className="hint">
            {damage.kind === 'newer' ? 'Installing the newer version of Token Desk again keeps everything; rebuild only if that cannot be done. ' : ''}
            The local database starts empty and the unsynced work is put back in the queue, to be sent once. Tokens are read again from the CRM;
            this counter&apos;s history, imported definition and name are not in the second copy and start empty.
          </p>
        </li>
        <li>
          <button type="button" disabled={action.busy} onClick={() => void exportDiagnostics()}>
            Export diagnostics
          </button>
        </li>
        <li>
          <button type="button" disabled={action.busy} onClick={reload}>
            Try again
          </button>
        </li>
      </ul>
      <p role="status">{done}</p>
      <ActionError error={action.error} />
    </main>
  );
}
