import { formatNumber, t, useTranslation } from '../i18n';
import { useEffect, useSyncExternalStore } from 'react';
import { subscribeOnline, useAppStore, useServices } from '../context';
import { formatAge, formatTime } from '../labels';
import { deriveStatus } from '../sync/statusLine';
import { SCREEN_KEYS, SYNC_KEY } from '../shortcuts';
import { syncErrorText } from '../errors';
import { Details } from './Details';
import { JournalWarning } from './JournalNotices';
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

/** How long the oldest pending change has waited; shown only while something is pending. */
function OldestAge({ pending }: { pending: number }) {
  const oldestPendingAt = useAppStore('sync', (state) => state.oldestPendingAt);
  const clock = useClock(AGE_TICK_MS);
  if (pending === 0 || oldestPendingAt === null) return null;
  // A change made since the last tick must not show a negative age.
  return <span className="oldest">{t('shell.status.oldest', { age: formatAge(Math.max(0, clock - oldestPendingAt)) })}</span>;
}

/** What went wrong last, for whoever supports the counter: behind a disclosure, never in the line itself. */
function ErrorDetails() {
  const lastError = useAppStore('sync', (state) => state.lastError);
  return <Details className="status-details" text={lastError && `${syncErrorText(lastError)} (${lastError.code})`} />;
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
        aria-label={t('shell.status.progress')}
        aria-valuemin={0}
        aria-valuemax={known ? progress.total : undefined}
        aria-valuenow={known ? progress.done : undefined}
        className={`progress-bar${known ? '' : ' progress-bar-busy'}`}
      >
        <span className="progress-fill" style={percent === null ? undefined : { width: `${percent}%` }} />
      </span>
      {known ? <span>{t('shell.status.syncingCount', { done: formatNumber(progress.done), total: formatNumber(progress.total) })}</span> : null}
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
  return view?.unencrypted ? <span className="unencrypted">{t('shell.status.unencrypted')}</span> : null;
}

export function StatusBar() {
  const { scheduler } = useServices();
  useTranslation();
  const network = useSyncExternalStore(subscribeOnline, browserOnline, () => true);
  const reach = useAppStore('sync', (state) => state.crm);
  const pending = useAppStore('sync', (state) => state.pendingCount);
  const parked = useAppStore('sync', (state) => state.parkedCount);
  const conflicts = useAppStore('sync', (state) => state.conflictCount);
  const syncing = useAppStore('sync', (state) => state.syncing);
  const outcome = useAppStore('sync', (state) => state.outcome);
  const lastSyncAt = useAppStore('sync', (state) => state.lastSyncAt);
  const view = deriveStatus({ reach, network, pending, parked, conflicts, syncing, outcome });
  return (
    <footer aria-label={t('shell.status.label')} className="status-bar">
      <span className={`reach reach-${view.reach.tone}`} title={view.reach.text}>{view.reach.text}</span>
      <span className="pending">{view.pending}</span>
      <OldestAge pending={pending} />
      {view.attention ? <PendingLink className="parked" text={view.attention} /> : null}
      {view.conflicts ? <PendingLink className="conflicts" text={view.conflicts} /> : null}
      <UnencryptedWarning />
      <JournalWarning />
      <SyncProgress />
      <span role="status" className="sync-message">
        {view.summary}
      </span>
      <span className="last-sync">{t('shell.status.lastSync', { when: formatTime(lastSyncAt) })}</span>
      <ErrorDetails />
      <button type="button" className="sync-now" disabled={syncing} aria-keyshortcuts={SYNC_KEY} onClick={() => void scheduler.syncNow()}>
        {syncing ? t('shell.status.syncing') : t('shell.status.syncNow')} <Kbd>{SYNC_KEY}</Kbd>
      </button>
    </footer>
  );
}
