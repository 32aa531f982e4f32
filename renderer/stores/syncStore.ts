import { liveQuery } from 'dexie';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CrmReach, StorageState, SyncError } from '../../shared/ipc/contract';
import type { ReachView, SyncOutcome } from '../sync/statusLine';
import type { TokenDeskDatabase } from '../storage/database';
import { readLastSync } from '../storage/meta';
import { countPending, queueStats, type JournalReconciliation, type QueueStats } from '../outbox';
import { errorMessage } from '../errors';
import { recordT } from '../i18n';
import { runSync, type RunSyncOptions } from '../sync/runSync';
import type { SyncApi, SyncDeps, SyncProgressView, SyncReport, SyncTotals } from '../sync/types';

export { SYNC_BATCH_SIZE } from '../sync/upstream';

export interface SyncState {
  /** What the last CRM call learned about the CRM; 'unknown' until one answered. */
  crm: ReachView;
  /** How the last sync ended. */
  outcome: SyncOutcome;
  /** Queue depth: changes waiting to be sent. */
  pendingCount: number;
  /** Changes the CRM refused for good, waiting for the operator. */
  parkedCount: number;
  /** Changes the CRM changed meanwhile, waiting for the operator's choice. */
  conflictCount: number;
  /** When the oldest change still waiting was made (epoch ms), or null. */
  oldestPendingAt: number | null;
  /** Epoch ms of the last sync that reached the CRM. */
  lastSyncAt: number | null;
  /** What the last sync did, for the diagnostics bundle (never on screen): English, like every record. */
  lastMessage: string | null;
  /** The last error a sync met, with its code; cleared by a sync that reaches the CRM without one. */
  lastError: SyncError | null;
  syncing: boolean;
  /** "n of m" while a sync runs. */
  progress: SyncProgressView | null;
  /** Why the last write to main's journal (the second copy of unsynced work) failed; null once one works. */
  journalProblem: string | null;
  /** What the start learned of the browser's storage (persistent or not); null until asked. */
  storage: StorageState | null;
  /** What the start put back in the queue from the journal, until the clerk dismisses it. */
  restoration: JournalReconciliation | null;
  dismissRestoration: () => void;
  /** A forced sync ("Sync now"). A call during a sync joins it (and forces the rest of it). */
  syncNow: () => Promise<void>;
  /** A sync for a trigger; joins a running one. */
  sync: (request?: { force?: boolean }) => Promise<void>;
  /** Reads what the database remembers (last sync, queue). */
  restore: () => Promise<void>;
  /** Follows the queue's numbers live; returns the unsubscribe. */
  watchQueue: () => () => void;
  /** Any CRM call's answer: reach changes as soon as a call succeeds or fails, not at the next sync. */
  noteReach: (crm: CrmReach) => void;
}

export interface SyncStoreOptions extends Omit<RunSyncOptions, 'force' | 'onProgress'> {
  jitter?: SyncDeps['jitter'];
  owner?: SyncDeps['owner'];
  liveOwners?: SyncDeps['liveOwners'];
}

/** The last sync in a line for the diagnostics bundle (never on screen): a record, so English like the audit (recordT). */
function summarise(totals: SyncTotals): string | null {
  const parts = (['done', 'parked', 'conflict', 'retry'] as const).filter((kind) => totals[kind] > 0).map((kind) => recordT(`shell.lastSync.${kind}`, { count: totals[kind] }));
  return parts.length > 0 ? parts.join(', ') : null;
}

const statsState = (stats: QueueStats) => ({
  pendingCount: stats.pending,
  parkedCount: stats.parked,
  conflictCount: stats.conflicts,
  oldestPendingAt: stats.oldestPendingAt,
});

export function createSyncStore(
  db: TokenDeskDatabase,
  api: SyncApi,
  now: () => number = Date.now,
  options: SyncStoreOptions = {},
): StoreApi<SyncState> {
  const { jitter, owner, liveOwners, ...runOptions } = options;
  const deps: SyncDeps = { db, api, now, jitter, owner, liveOwners };
  let running: Promise<void> | null = null;
  /** Whether the running sync was asked to force (read before each batch), and asked again. */
  let forced = false;
  let again = false;

  return createStore<SyncState>()((set, get) => {
    async function readStats(): Promise<void> {
      set(statsState(await queueStats(db)));
    }

    /** Shows what one sync did. */
    function show(report: SyncReport): void {
      if (report.failure !== null) {
        set({ outcome: 'failed', lastMessage: recordT('shell.lastSync.failed', { reason: report.failure }), lastError: report.lastError });
        return;
      }
      const crm = report.crm ?? get().crm;
      set({
        crm,
        outcome: 'finished',
        lastMessage: report.message ?? summarise(report.totals) ?? (crm === 'ok' ? recordT('shell.lastSync.upToDate') : null),
        lastError: report.lastError ?? (report.reachedAt === null ? get().lastError : null),
        ...(report.reachedAt === null ? {} : { lastSyncAt: report.reachedAt }),
      });
    }

    /** Whether a trigger came (and is not yet answered) while something is still pending. */
    async function askedAgain(): Promise<boolean> {
      // A trigger during the count may be for a change the count did not see yet: count again.
      while (again) {
        again = false;
        if ((await countPending(db)) > 0) return true;
      }
      return false;
    }

    /**
     * Syncs; a trigger that came while it ran (a change made during its last steps, a "Sync now"
     * during a timer's sync) gets one more pass if anything is still pending, inside the same run.
     * The last look for such a trigger is its last wait, so none can slip in after it.
     */
    async function run(): Promise<void> {
      set({ syncing: true, progress: null });
      try {
        let report: SyncReport;
        do {
          again = false;
          report = await runSync(deps, { ...runOptions, force: () => forced, onProgress: (progress) => set({ progress }) });
          show(report);
          await readStats().catch(() => undefined);
        } while (report.failure === null && (await askedAgain()));
      } finally {
        forced = false;
        set({ syncing: false, progress: null });
      }
    }

    const sync = ({ force = false }: { force?: boolean } = {}) => {
      forced ||= force;
      if (running) {
        again = true;
        return running;
      }
      running = run().finally(() => {
        running = null;
      });
      return running;
    };

    return {
      crm: 'unknown',
      outcome: 'none',
      pendingCount: 0,
      parkedCount: 0,
      conflictCount: 0,
      oldestPendingAt: null,
      lastSyncAt: null,
      lastMessage: null,
      lastError: null,
      syncing: false,
      progress: null,
      journalProblem: null,
      storage: null,
      restoration: null,
      dismissRestoration: () => set({ restoration: null }),
      syncNow: () => sync({ force: true }),
      sync,
      restore: async () => {
        try {
          const [lastSyncAt] = await Promise.all([readLastSync(db), readStats()]);
          set({ lastSyncAt });
        } catch (error) {
          set({ lastMessage: recordT('shell.lastSync.queueUnread', { reason: errorMessage(error) }) });
        }
      },
      watchQueue: () => {
        const subscription = liveQuery(() => queueStats(db)).subscribe({
          next: (stats) => set(statsState(stats)),
          error: (error: unknown) => set({ lastMessage: recordT('shell.lastSync.queueUnread', { reason: errorMessage(error) }) }),
        });
        return () => subscription.unsubscribe();
      },
      noteReach: (crm) => {
        if (get().crm !== crm) set({ crm });
      },
    };
  });
}
