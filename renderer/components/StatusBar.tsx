import { useEffect, useSyncExternalStore } from 'react';
import { subscribeOnline, useAppStore, useServices } from '../context';
import { formatAge, formatTime, reachLabel } from '../labels';
import { SCREEN_KEYS, SYNC_KEY } from '../shortcuts';
import { Kbd } from './Kbd';
import { useClock } from './useClock';

const browserOnline = () => navigator.onLine;
const AGE_TICK_MS = 15_000;

/** A count that opens Pending & attention, where it can be dealt with. */
function PendingLink({ className, text }: { className: string; text: string }) {
  const show = useAppStore('ui', (state) => state.show);
  return (
    <button type="button" className={`link-button ${className}`} aria-keyshortcuts={SCREEN_KEYS.pending} onClick={() => show('pending')}>
      {text}
    </button>
  );
}

function QueueNumbers() {
  const pending = useAppStore('sync', (state) => state.pendingCount);
  const parked = useAppStore('sync', (state) => state.parkedCount);
  const conflicts = useAppStore('sync', (state) => state.conflictCount);
  const oldestPendingAt = useAppStore('sync', (state) => state.oldestPendingAt);
  const clock = useClock(AGE_TICK_MS);
  // A change made since the last tick must not show a negative age.
  const age = oldestPendingAt === null ? null : Math.max(0, clock - oldestPendingAt);
  return (
    <>
      <span className="pending">{`${pending} pending`}</span>
      {pending > 0 && age !== null ? <span className="oldest">{`oldest ${formatAge(age)}`}</span> : null}
      {parked > 0 ? <PendingLink className="parked" text={`${parked} need attention`} /> : null}
      {conflicts > 0 ? <PendingLink className="conflicts" text={`${conflicts} ${conflicts === 1 ? 'conflict' : 'conflicts'}`} /> : null}
    </>
  );
}

/** While a sync runs: a bar of the operations answered so far (indeterminate until the count is known). */
function SyncProgress() {
  const syncing = useAppStore('sync', (state) => state.syncing);
  const progress = useAppStore('sync', (state) => state.progress);
  if (!syncing) return null;
  const known = progress !== null && progress.total > 0;
  const percent = known ? Math.round((100 * progress.done) / progress.total) : null;
  return (
    <span className="progress">
      <span
        role="progressbar"
        aria-label="Sync progress"
        aria-valuemin={0}
        aria-valuemax={known ? progress.total : undefined}
        aria-valuenow={known ? progress.done : undefined}
        className={`progress-bar${known ? '' : ' progress-bar-busy'}`}
      >
        <span className="progress-fill" style={percent === null ? undefined : { width: `${percent}%` }} />
      </span>
      {known ? <span>{`Syncing ${progress.done} of ${progress.total}`}</span> : null}
    </span>
  );
}

/** Said for as long as the CRM is reached over plain http:// (allowed in Settings). */
function UnencryptedWarning() {
  const view = useAppStore('settings', (state) => state.view);
  const load = useAppStore('settings', (state) => state.load);
  useEffect(() => {
    if (view === null) void load();
  }, [view, load]);
  return view?.unencrypted ? <span className="unencrypted">Unencrypted CRM connection</span> : null;
}

export function StatusBar() {
  const { scheduler } = useServices();
  const online = useSyncExternalStore(subscribeOnline, browserOnline, () => true);
  const crm = useAppStore('sync', (state) => state.crm);
  const syncing = useAppStore('sync', (state) => state.syncing);
  const lastSyncAt = useAppStore('sync', (state) => state.lastSyncAt);
  const lastMessage = useAppStore('sync', (state) => state.lastMessage);
  const lastError = useAppStore('sync', (state) => state.lastError);
  return (
    <footer aria-label="Sync status" className="status-bar">
      <span className={`reach reach-${online ? crm : 'offline'}`}>{reachLabel(crm, online)}</span>
      <QueueNumbers />
      <UnencryptedWarning />
      <SyncProgress />
      <span className="last-sync">{`Last sync: ${formatTime(lastSyncAt)}`}</span>
      {lastMessage ? (
        <span role="status" className="sync-message">
          {lastMessage}
        </span>
      ) : null}
      {lastError && lastError.message !== lastMessage ? (
        <span className="last-error" title={`${lastError.message} (${lastError.code})`}>{`Last error: ${lastError.message} (${lastError.code})`}</span>
      ) : null}
      <button type="button" className="sync-now" disabled={syncing} aria-keyshortcuts={SYNC_KEY} onClick={() => void scheduler.syncNow()}>
        {syncing ? 'Syncing…' : 'Sync now'} <Kbd>{SYNC_KEY}</Kbd>
      </button>
    </footer>
  );
}
