import { useEffect, useState, useSyncExternalStore } from 'react';
import { subscribeOnline, useAppStore, useServices } from '../context';
import { formatAge, formatTime, reachLabel } from '../labels';

const browserOnline = () => navigator.onLine;
const AGE_TICK_MS = 15_000;

/** The app clock, re-read every `tickMs` so ages on screen move. */
function useClock(tickMs: number): number {
  const { now } = useServices();
  const [time, setTime] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setTime(now()), tickMs);
    return () => clearInterval(timer);
  }, [now, tickMs]);
  return time;
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
      {parked > 0 ? <span className="parked">{`${parked} need attention`}</span> : null}
      {conflicts > 0 ? <span className="conflicts">{`${conflicts} ${conflicts === 1 ? 'conflict' : 'conflicts'}`}</span> : null}
    </>
  );
}

export function StatusBar() {
  const { scheduler } = useServices();
  const online = useSyncExternalStore(subscribeOnline, browserOnline, () => true);
  const crm = useAppStore('sync', (state) => state.crm);
  const syncing = useAppStore('sync', (state) => state.syncing);
  const progress = useAppStore('sync', (state) => state.progress);
  const lastSyncAt = useAppStore('sync', (state) => state.lastSyncAt);
  const lastMessage = useAppStore('sync', (state) => state.lastMessage);
  const lastError = useAppStore('sync', (state) => state.lastError);
  return (
    <footer aria-label="Sync status" className="status-bar">
      <span className={`reach reach-${online ? crm : 'offline'}`}>{reachLabel(crm, online)}</span>
      <QueueNumbers />
      {syncing && progress !== null && progress.total > 0 ? (
        <span className="progress">{`Syncing ${progress.done} of ${progress.total}`}</span>
      ) : null}
      <span className="last-sync">{`Last sync: ${formatTime(lastSyncAt)}`}</span>
      {lastMessage ? (
        <span role="status" className="sync-message">
          {lastMessage}
        </span>
      ) : null}
      {lastError && lastError.message !== lastMessage ? (
        <span className="last-error" title={lastError.code}>{`Last error: ${lastError.message} (${lastError.code})`}</span>
      ) : null}
      <button type="button" disabled={syncing} onClick={() => void scheduler.syncNow()}>
        {syncing ? 'Syncing…' : 'Sync now'}
      </button>
    </footer>
  );
}
