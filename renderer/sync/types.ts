import type { CrmReach, SyncError } from '../../shared/ipc/contract';
import type { TokenDeskApi } from '../../shared/ipc/tokenDeskApi';
import type { Jitter } from '../outbox';
import type { TokenDeskDatabase } from '../storage/database';

/** The channels a sync uses. */
export type SyncApi = Pick<TokenDeskApi, 'pushOperations' | 'refreshTokens' | 'fetchStock' | 'on'>;

/** Tells which lease owners (connections) are still running; without it, a lease holds until its time. */
export type LiveOwners = () => Promise<(owner: string) => boolean>;

/** What a sync needs: the local database, the bridge to main, a clock, and (optionally) randomness and presence. */
export interface SyncDeps {
  db: TokenDeskDatabase;
  api: SyncApi;
  now: () => number;
  /** Backoff jitter in [0, 1); Math.random by default. */
  jitter?: Jitter;
  /** The lease owner; the database connection's id by default. */
  owner?: string;
  liveOwners?: LiveOwners;
}

/** "n of m": operations answered so far in this sync, of those pending when it started. */
export interface SyncProgressView {
  done: number;
  total: number;
}

export interface SyncTotals {
  done: number;
  retry: number;
  parked: number;
  conflict: number;
  blocked: number;
}

export interface SyncReport {
  /** What the last push learned about the CRM; null when main never answered. */
  crm: CrmReach | null;
  /** Main's message of the last push. */
  message: string | null;
  totals: SyncTotals;
  /** The last error this sync met (a refused change, an unreachable CRM, a failed call), or null. */
  lastError: SyncError | null;
  /** When the CRM was reached (epoch ms), or null. */
  reachedAt: number | null;
  /** The sync stopped on a thrown error; changes stay queued. */
  failure: string | null;
  /** What the freshness steps did after a push that reached the CRM (a string: why they failed). */
  freshness: FreshenResult | string | null;
}

export interface FreshenResult {
  refreshed: number;
  missing: number;
  stocked: number;
}
