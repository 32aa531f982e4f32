import type { StoreApi } from 'zustand/vanilla';
import type { OperatorsView, StorageState } from '../shared/ipc/contract';
import type { TokenDeskApi } from '../shared/ipc/tokenDeskApi';
import type { RandomSource } from '../shared/token/generate';
import type { TokenDeskDatabase } from './storage/database';
import { linkJournal, repairJournal, watchEnqueued, watchJournalProblem, type JournalReconciliation } from './outbox';
import { readSyncConfig } from './storage/meta';
import { createIssueStore, type IssueState } from './stores/issueStore';
import { createOperatorStore, type OperatorState } from './stores/operatorStore';
import { createSettingsStore, type SettingsState } from './stores/settingsStore';
import { createSyncStore, type SyncState, type SyncStoreOptions } from './stores/syncStore';
import { createUiStore, type UiState } from './stores/uiStore';
import { openByCode } from './scan/openByCode';
import { scanBeep } from './scan/scanBeep';
import { createScanQueue, type ScanQueueState } from './scan/scanQueue';
import { reportingReach } from './sync/reachReport';
import { createSyncScheduler, type SyncScheduler } from './sync/scheduler';

/** Everything the screens use, built once at start; tests build it with a fake api and their own database. */
export interface AppServices {
  db: TokenDeskDatabase;
  api: TokenDeskApi;
  now: () => number;
  random: RandomSource;
  sync: StoreApi<SyncState>;
  /** When syncs run; started by the app (`startSync`). */
  scheduler: SyncScheduler;
  /** Whether the app starts the scheduler (tests that drive syncs themselves turn it off). */
  autoSync: boolean;
  settings: StoreApi<SettingsState>;
  /** This window's sign-in, as main keeps it. */
  operators: StoreApi<OperatorState>;
  ui: StoreApi<UiState>;
  issue: StoreApi<IssueState>;
  /** Scanned and typed codes, looked up one at a time. */
  scans: StoreApi<ScanQueueState>;
  /** Confirms a scan to the ear. */
  beep: () => void;
  /** Training mode: the simulated CRM and the training database (banner, slip line). */
  training: boolean;
  /** Reopens the window (after switching training mode, on the other database). */
  reload: () => void;
  /** Calls `fire` once after `ms` (the idle lock's timer); returns the cancel. */
  timer: Timer;
}

export type Timer = (ms: number, fire: () => void) => () => void;

const realTimer: Timer = (ms, fire) => {
  const id = setTimeout(fire, ms);
  return () => clearTimeout(id);
};

export interface ServiceOptions {
  now?: () => number;
  random?: RandomSource;
  /** Quiet time after a local change before its sync. */
  debounceMs?: number;
  /** Default true. */
  autoSync?: boolean;
  sync?: SyncStoreOptions;
  beep?: () => void;
  /** Default false. */
  training?: boolean;
  /** Default: reload the page. */
  reload?: () => void;
  /** What the start put back in the queue from main's journal, to tell the clerk. */
  restoration?: JournalReconciliation;
  /** What the start learned of the browser's storage. */
  storage?: StorageState;
  /** Default: setTimeout. */
  timer?: Timer;
  /** What main said of the operators as the window opened (else the app asks it first). */
  operators?: OperatorsView;
}

export const DEFAULT_DEBOUNCE_MS = 1_500;

/** Web Crypto's strong random bytes. */
export const cryptoRandom: RandomSource = (buffer) => crypto.getRandomValues(buffer);

export function createAppServices(db: TokenDeskDatabase, bridge: TokenDeskApi, options: ServiceOptions = {}): AppServices {
  const now = options.now ?? Date.now;
  const random = options.random ?? cryptoRandom;
  // The store is made after the api that reports to it; no call can answer before both exist.
  const api = reportingReach(bridge, (crm) => sync.getState().noteReach(crm));
  const sync = createSyncStore(db, api, now, options.sync);
  linkJournal(db, api, () => repairJournal(db, api));
  watchJournalProblem(db, (journalProblem) => sync.setState({ journalProblem }));
  const { restoration } = options;
  if (restoration && (restoration.restored.length > 0 || restoration.problem !== null)) sync.setState({ restoration });
  if (options.storage) sync.setState({ storage: options.storage });
  const scheduler = createSyncScheduler({
    sync: (request) => sync.getState().sync(request),
    debounceMs: options.debounceMs ?? DEFAULT_DEBOUNCE_MS,
    intervalMs: async () => (await readSyncConfig(db)).intervalMs,
    watchChanges: (onChange) => watchEnqueued(db, onChange),
    watchMain: (onChange) => api.on('queueChanged', onChange),
    onlineEvents: typeof window === 'undefined' ? null : window,
  });
  const ui = createUiStore();
  const scans = createScanQueue((code) =>
    openByCode({ db, api, now, openToken: (localId) => ui.getState().openToken(localId), onProgress: (message) => scans.setState({ message }) }, code),
  );
  return {
    db,
    api,
    now,
    random,
    sync,
    scheduler,
    autoSync: options.autoSync ?? true,
    settings: createSettingsStore(api),
    operators: createOperatorStore(db, api, options.operators),
    ui,
    issue: createIssueStore({ db, api, random, now }),
    scans,
    beep: options.beep ?? scanBeep,
    training: options.training ?? false,
    reload: options.reload ?? (() => window.location.reload()),
    timer: options.timer ?? realTimer,
  };
}

/** Reads the queue, follows it live, and (unless turned off) starts the sync triggers; returns the stop. */
export function startSync(services: AppServices): () => void {
  const sync = services.sync.getState();
  const unwatch = sync.watchQueue();
  let stopped = false;
  void sync.restore().then(() => (services.autoSync && !stopped ? services.scheduler.start() : undefined));
  return () => {
    stopped = true;
    unwatch();
    services.scheduler.stop();
  };
}
