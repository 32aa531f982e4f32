import { errorMessage } from '../errors';
import { readSyncConfig, writeLastSync, type SyncConfig } from '../storage/meta';
import { freshen } from './downstream';
import { pushQueue, type PushOptions } from './upstream';
import type { SyncDeps, SyncReport } from './types';

export interface RunSyncOptions extends Partial<Omit<PushOptions, 'force'>> {
  /** Whether rows backing off go too ("Sync now"); a function is read before each batch. */
  force?: boolean | (() => boolean);
  /** Overrides of the stored sync config (refresh and stock), e.g. for tests. */
  config?: Partial<SyncConfig>;
}

/** A report with nothing in it yet, filled as a sync goes. */
export function newSyncReport(): SyncReport {
  return {
    crm: null,
    message: null,
    totals: { done: 0, retry: 0, parked: 0, conflict: 0, blocked: 0 },
    lastError: null,
    reachedAt: null,
    failure: null,
    freshness: null,
  };
}

/**
 * One sync: push the queue; then, if the CRM was reached, re-read the stalest known tokens and top
 * the stock up. Never throws: a failure is in the report, and every change stays queued.
 */
export async function runSync(deps: SyncDeps, options: RunSyncOptions = {}): Promise<SyncReport> {
  const report = newSyncReport();
  const { force = false } = options;
  try {
    await pushQueue(deps, { ...options, force: typeof force === 'function' ? force : () => force }, report);
    if (report.reachedAt !== null) {
      await writeLastSync(deps.db, report.reachedAt);
      if (report.crm === 'ok') report.freshness = await freshen(deps, { ...(await readSyncConfig(deps.db)), ...options.config });
    }
  } catch (error) {
    report.failure = errorMessage(error);
    report.lastError = { code: 'SYNC_FAILED', message: report.failure };
  }
  return report;
}
