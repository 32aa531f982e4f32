import { useLiveQuery } from 'dexie-react-hooks';
import { useSyncExternalStore } from 'react';
import { subscribeOnline, useAppStore, useServices } from '../context';
import { countParked, countPending } from '../db/outbox';
import { formatTime, reachLabel } from '../labels';

const browserOnline = () => navigator.onLine;

export function StatusBar() {
  const { db } = useServices();
  const online = useSyncExternalStore(subscribeOnline, browserOnline, () => true);
  const crm = useAppStore('sync', (state) => state.crm);
  const syncing = useAppStore('sync', (state) => state.syncing);
  const lastSyncAt = useAppStore('sync', (state) => state.lastSyncAt);
  const lastMessage = useAppStore('sync', (state) => state.lastMessage);
  const syncNow = useAppStore('sync', (state) => state.syncNow);
  const pending = useLiveQuery(() => countPending(db), [db], 0);
  const parked = useLiveQuery(() => countParked(db), [db], 0);
  return (
    <footer aria-label="Sync status" className="status-bar">
      <span className={`reach reach-${online ? crm : 'offline'}`}>{reachLabel(crm, online)}</span>
      <span className="pending">{`${pending} pending`}</span>
      {parked > 0 ? <span className="parked">{`${parked} need attention`}</span> : null}
      <span className="last-sync">{`Last sync: ${formatTime(lastSyncAt)}`}</span>
      {lastMessage ? (
        <span role="status" className="sync-message">
          {lastMessage}
        </span>
      ) : null}
      <button type="button" disabled={syncing} onClick={() => void syncNow()}>
        {syncing ? 'Syncing…' : 'Sync now'}
      </button>
    </footer>
  );
}
