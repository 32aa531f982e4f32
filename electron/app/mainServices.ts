import { join } from 'node:path';
import type { PushReply, SettingsInput } from '../../shared/ipc/contract';
import { CrmClient } from '../crm/crmClient';
import { CrmSession, type LoginObserver } from '../crm/crmSession';
import { safeUrl, writeDiagnosticsBundle, type AppInfo } from '../diagnostics/diagnosticsBundle';
import { createMainEvents, type MainEvents } from '../ipc/mainEvents';
import { createRouter, type IpcRouter } from '../ipc/router';
import { createFileLogger, describeError, type FileLogger, type LogLevel } from '../logging/logger';
import { SecretMask } from '../logging/redact';
import { RotatingLog } from '../logging/rotatingLog';
import { SettingsFile, type CrmConnection } from '../settings/settingsFile';
import { checkPassCode, fetchStock, listClassifications, participantTokens, refreshTokens, testConnection } from '../sync/crmReads';
import { Upstream } from '../sync/upstream';
import { maskingVault } from '../vault/maskingVault';
import type { Vault } from '../vault/vault';

export const LOG_DIR = 'logs';

export interface MainServicesOptions {
  /** Where main keeps its own files (settings, logs, diagnostics bundles). */
  dataDir: string;
  vault: Vault;
  fetch?: typeof fetch;
  /** How long to wait for the CRM before a call counts as failed (default 15 s). */
  crmTimeoutMs?: number;
  /** For the diagnostics bundle and the log. */
  app?: AppInfo;
  /** Rotation of logs/main.log (defaults: 1 MiB, 5 old files), and an optional copy of each line (stdout). */
  log?: { maxBytes?: number; keep?: number; mirror?: (level: LogLevel, line: string) => void };
  /** Set when the OS keychain is weak or missing; logged, and kept in diagnostics bundles. */
  keychainWarning?: string | null;
}

export interface MainServices {
  router: IpcRouter;
  /** What main tells the renderer unasked; each transport subscribes. */
  events: Pick<MainEvents, 'subscribe'>;
  settings: SettingsFile;
  log: FileLogger;
  dispose(): Promise<void>;
}

function summarisePush(reply: PushReply): Record<string, unknown> {
  const counts: Record<string, number> = {};
  for (const result of reply.results) counts[result.outcome] = (counts[result.outcome] ?? 0) + 1;
  return { crm: reply.crm, operations: reply.results.length, ...counts, ...(reply.message ? { message: reply.message } : {}) };
}

/** Logs every refused or failed IPC call; successful calls are not logged (the pushes are, below). */
function loggedRouter(router: IpcRouter, log: FileLogger): IpcRouter {
  return {
    async handle(channel, payload) {
      const reply = await router.handle(channel, payload);
      if (!reply.ok) {
        const level = reply.error.code === 'FAILED' || reply.error.code === 'BAD_REPLY' ? 'error' : 'warn';
        log[level]('IPC call failed', { channel: typeof channel === 'string' ? channel.slice(0, 64) : typeof channel, ...reply.error });
      }
      return reply;
    },
  };
}

/**
 * Everything the main process does, without Electron: Electron's main.ts and
 * the browser shell both build the app from this.
 */
export function createMainServices(options: MainServicesOptions): MainServices {
  const app = options.app ?? { name: 'Token Desk', version: 'development' };
  const mask = new SecretMask();
  const vault = maskingVault(options.vault, mask);
  const logFile = new RotatingLog({ dir: join(options.dataDir, LOG_DIR), maxBytes: options.log?.maxBytes, keep: options.log?.keep });
  const log = createFileLogger(logFile, { mask, mirror: options.log?.mirror });
  const settings = new SettingsFile(join(options.dataDir, 'settings.json'), vault);
  let session: CrmSession | null = null;
  const events = createMainEvents();
  const upstream = new Upstream((progress) => events.emit('syncProgress', progress));

  log.info('Token Desk main process started', { app: app.name, version: app.version, vault: vault.protection });
  if (options.keychainWarning) log.warn(options.keychainWarning);

  const sessionFor = (connection: CrmConnection): CrmSession => {
    const server = safeUrl(connection.serverUrl);
    const onLogin: LoginObserver = (outcome) =>
      outcome.ok
        ? log.info('Signed in to the CRM', { server, username: outcome.username })
        : log.warn('CRM sign-in failed', { server, username: outcome.username, error: describeError(outcome.error) });
    const client = new CrmClient({ serverUrl: connection.serverUrl, fetch: options.fetch, timeoutMs: options.crmTimeoutMs });
    return new CrmSession(client, connection.credentials, onLogin);
  };

  const currentSession = async (): Promise<CrmSession | null> => {
    if (session) return session;
    const connection = await settings.connection();
    if (!connection) return null;
    session = sessionFor(connection);
    return session;
  };

  /** A one-off session with the values on screen, closed after the test. */
  const testSession = async (input: SettingsInput): Promise<CrmSession | null> => {
    const connection = await settings.connectionFor(input);
    return connection ? sessionFor(connection) : null;
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
      events.emit('queueChanged', { cause: 'crmSettingsSaved' });
      log.info('Settings saved', {
        crmUrl: safeUrl(view.crmUrl),
        organisation: view.organisation,
        username: view.username,
        unit: view.unit,
        passwordChanged: input.password !== undefined,
        configured: view.configured,
      });
      return view;
    },
    sealSecret: async ({ plaintext }) => ({ sealed: await vault.seal(plaintext) }),
    pushOperations: async ({ operations }) => {
      const { pushConcurrency } = await settings.view();
      const reply = await upstream.push(operations, { session: currentSession, unseal: (s) => vault.unseal(s), concurrency: pushConcurrency });
      if (operations.length > 0) log[reply.crm === 'ok' ? 'info' : 'warn']('Sync push', summarisePush(reply));
      return reply;
    },
    refreshTokens: ({ authenticationCodes }) => refreshTokens(currentSession, authenticationCodes),
    participantTokens: ({ participantNumber }) => participantTokens(currentSession, participantNumber),
    fetchStock: ({ count }) => fetchStock(currentSession, count),
    testConnection: async ({ settings: onScreen }) => {
      let trial: CrmSession | null = null;
      const open = onScreen ? async () => (trial = await testSession(onScreen)) : currentSession;
      const reply = await testConnection(open).finally(() => void trial?.close().catch(() => undefined));
      log[reply.crm === 'ok' ? 'info' : 'warn']('Connection test', { crm: reply.crm, message: reply.message });
      return reply;
    },
    checkPassCode: async ({ identifier, sealedPassCode }) => checkPassCode(currentSession, identifier, await vault.unseal(sealedPassCode)),
    listClassifications: () => listClassifications(currentSession),
    exportDiagnostics: async ({ rendererState }) => {
      const path = await writeDiagnosticsBundle(
        {
          dataDir: options.dataDir,
          app,
          settings: () => settings.view(),
          progress: async () => upstream.view(),
          vault: () => ({ protection: vault.protection, warning: options.keychainWarning ?? null }),
          recentLogLines: (count) => log.recentLines(count),
          logFile: logFile.path,
          mask,
        },
        rendererState,
      );
      log.info('Diagnostics bundle written', { path });
      return { path };
    },
  });

  return {
    router: loggedRouter(router, log),
    events,
    settings,
    log,
    dispose: async () => {
      await upstream.idle();
      dropSession();
      log.info('Token Desk main process stopped');
      await log.flush();
    },
  };
}
