import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CrmReach } from '../../shared/ipc/contract';
import type { TokenDeskApi } from '../../shared/ipc/tokenDeskApi';
import type { TokenDeskDatabase } from '../db/database';
import { errorMessage } from '../errors';
import { readLastSync, writeLastSync } from '../db/meta';
import { applyResults, countPending, takeBatch, type ApplySummary } from '../db/outbox';

export const SYNC_BATCH_SIZE = 50;

export type CrmReachView = 'unknown' | CrmReach;

export interface SyncState {
  /** What the last push learned about the CRM; 'unknown' until one ran. */
  crm: CrmReachView;
  pendingCount: number;
  /** Epoch ms of the last sync that reached the CRM. */
  lastSyncAt: number | null;
  lastMessage: string | null;
  syncing: boolean;
  /** Pushes the queue until it is empty or the CRM stops taking it. A call during a sync joins it. */
  syncNow: () => Promise<void>;
  /** Reads what the database remembers (last sync, queue depth). */
  restore: () => Promise<void>;
}

type Totals = Omit<ApplySummary, 'ignored'>;

function summarise(totals: Totals): string | null {
  const parts: string[] = [];
  if (totals.done > 0) parts.push(`${totals.done} synced`);
  if (totals.parked > 0) parts.push(`${totals.parked} need attention`);
  if (totals.retry > 0) parts.push(`${totals.retry} will be retried`);
  return parts.length > 0 ? parts.join(', ') : null;
}

export function createSyncStore(
  db: TokenDeskDatabase,
  api: Pick<TokenDeskApi, 'pushOperations'>,
  now: () => number = Date.now,
): StoreApi<SyncState> {
  let running: Promise<void> | null = null;

  return createStore<SyncState>()((set) => {
    /** One round: batch out, reply in. Returns whether another round may make progress. */
    async function round(totals: Totals, first: boolean): Promise<boolean> {
      const operations = await takeBatch(db, SYNC_BATCH_SIZE, now());
      if (operations.length === 0 && !first) return false;
      const reply = await api.pushOperations({ operations });
      const summary = await applyResults(db, reply.results, now());
      totals.done += summary.done;
      totals.parked += summary.parked;
      totals.retry += summary.retry;
      totals.blocked += summary.blocked;
      set({ crm: reply.crm, lastMessage: reply.message ?? summarise(totals) ?? (reply.crm === 'ok' ? 'Everything is up to date' : null) });
      if (reply.crm === 'ok') {
        const at = now();
        await writeLastSync(db, at);
        set({ lastSyncAt: at });
      }
      return reply.crm === 'ok' && operations.length > 0 && summary.done === operations.length;
    }

    async function run(): Promise<void> {
      set({ syncing: true });
      const totals: Totals = { done: 0, retry: 0, parked: 0, blocked: 0 };
      try {
        let first = true;
        while (await round(totals, first)) first = false;
      } catch (error) {
        set({ lastMessage: `Sync failed (changes stay queued): ${errorMessage(error)}` });
      } finally {
        set({ syncing: false, pendingCount: await countPending(db).catch(() => 0) });
      }
    }

    return {
      crm: 'unknown',
      pendingCount: 0,
      lastSyncAt: null,
      lastMessage: null,
      syncing: false,
      syncNow: () => {
        running ??= run().finally(() => {
          running = null;
        });
        return running;
      },
      restore: async () => {
        try {
          const [lastSyncAt, pendingCount] = await Promise.all([readLastSync(db), countPending(db)]);
          set({ lastSyncAt, pendingCount });
        } catch (error) {
          set({ lastMessage: `Could not read the local queue: ${errorMessage(error)}` });
        }
      },
    };
  });
}
