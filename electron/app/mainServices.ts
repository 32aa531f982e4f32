import { join } from 'node:path';
import type { SettingsInput } from '../../shared/ipc/contract';
import { CrmClient } from '../crm/crmClient';
import { CrmSession } from '../crm/crmSession';
import { createRouter, type IpcRouter } from '../ipc/router';
import { SettingsStore } from '../settings/settingsStore';
import { checkPassCode, fetchStock, listClassifications, participantTokens, refreshTokens, testConnection } from '../sync/crmReads';
import { SyncLeader } from '../sync/syncLeader';
import type { Vault } from '../vault/vault';

export interface MainServicesOptions {
  /** Where main keeps its own files (settings). */
  dataDir: string;
  vault: Vault;
  fetch?: typeof fetch;
  /** How long to wait for the CRM before a call counts as failed (default 15 s). */
  crmTimeoutMs?: number;
}

export interface MainServices {
  router: IpcRouter;
  settings: SettingsStore;
  dispose(): Promise<void>;
}

/**
 * Everything the main process does, without Electron: Electron's main.ts and
 * the browser shell both build the app from this.
 */
export function createMainServices(options: MainServicesOptions): MainServices {
  const settings = new SettingsStore(join(options.dataDir, 'settings.json'), options.vault);
  let session: CrmSession | null = null;
  const leader = new SyncLeader();

  const currentSession = async (): Promise<CrmSession | null> => {
    if (session) return session;
    const connection = await settings.connection();
    if (!connection) return null;
    const client = new CrmClient({ serverUrl: connection.serverUrl, fetch: options.fetch, timeoutMs: options.crmTimeoutMs });
    session = new CrmSession(client, connection.credentials);
    return session;
  };

  const dropSession = () => {
    const old = session;
    session = null;
    void old?.close().catch(() => undefined);
  };

  const router = createRouter({
    getSettings: () => settings.view(),
    saveSettings: async (input: SettingsInput) => {
      const view = await settings.save(input);
      dropSession();
      return view;
    },
    sealSecret: async ({ plaintext }) => ({ sealed: await options.vault.seal(plaintext) }),
    pushOperations: async ({ operations }) => {
      const { pushConcurrency } = await settings.view();
      return leader.push(operations, { session: currentSession, unseal: (s) => options.vault.unseal(s), concurrency: pushConcurrency });
    },
    getSyncProgress: async () => leader.view(),
    refreshTokens: ({ authenticationCodes }) => refreshTokens(currentSession, authenticationCodes),
    participantTokens: ({ participantNumber }) => participantTokens(currentSession, participantNumber),
    fetchStock: ({ count }) => fetchStock(currentSession, count),
    testConnection: () => testConnection(currentSession),
    checkPassCode: async ({ identifier, sealedPassCode }) =>
      checkPassCode(currentSession, identifier, await options.vault.unseal(sealedPassCode)),
    listClassifications: () => listClassifications(currentSession),
  });

  return {
    router,
    settings,
    dispose: async () => {
      await leader.idle();
      dropSession();
    },
  };
}
