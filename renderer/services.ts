import type { StoreApi } from 'zustand/vanilla';
import type { TokenDeskApi } from '../shared/ipc/tokenDeskApi';
import type { RandomSource } from '../shared/token/generate';
import type { TokenDeskDatabase } from './db/database';
import { createIssueStore, type IssueState } from './stores/issueStore';
import { createSettingsStore, type SettingsState } from './stores/settingsStore';
import { createSyncStore, type SyncState } from './stores/syncStore';
import { createUiStore, type UiState } from './stores/uiStore';

/** Everything the screens use, built once at start; tests build it with a fake api and their own database. */
export interface AppServices {
  db: TokenDeskDatabase;
  api: TokenDeskApi;
  now: () => number;
  random: RandomSource;
  sync: StoreApi<SyncState>;
  settings: StoreApi<SettingsState>;
  ui: StoreApi<UiState>;
  issue: StoreApi<IssueState>;
}

export interface ServiceOptions {
  now?: () => number;
  random?: RandomSource;
}

/** Web Crypto's strong random bytes. */
export const cryptoRandom: RandomSource = (buffer) => crypto.getRandomValues(buffer);

export function createAppServices(db: TokenDeskDatabase, api: TokenDeskApi, options: ServiceOptions = {}): AppServices {
  const now = options.now ?? Date.now;
  const random = options.random ?? cryptoRandom;
  return {
    db,
    api,
    now,
    random,
    sync: createSyncStore(db, api, now),
    settings: createSettingsStore(api),
    ui: createUiStore(),
    issue: createIssueStore({ db, api, random, now }),
  };
}
