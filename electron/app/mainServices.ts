import { join } from 'node:path';
import type { PushReply, SettingsInput, SettingsView } from '../../shared/ipc/contract';
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
import { CrmTargets } from '../training/crmTargets';
import { applyTrainingFaults } from '../training/trainingFaults';
import { TrainingMode, TRAINING_CREDENTIALS, type StartTrainingSimulator, type TrainingGate } from '../training/trainingMode';
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
  /** Training mode: how to start the in-process CRM simulator, and who may switch it (default: anyone). */
  training: { start: StartTrainingSimulator; gate?: TrainingGate };
}

export interface MainServices {
  router: IpcRouter;
  /** What main tells the renderer unasked; each transport subscribes. */
  events: Pick<MainEvents, 'subscribe'>;
  settings: SettingsFile;
  training: TrainingMode;
  log: FileLogger;
  dispose(): Promise<void>;
}

const MODE_CHANGED = 'Training mode was switched in another window or just now; this window reloads before it sends anything.';

/** The settings screen's view in training mode: the simulator and its demo login. */
function trainingSettingsView(connection: CrmConnection, pushConcurrency: number): SettingsView {
  const { username, organisation } = TRAINING_CREDENTIALS;
  return { crmUrl: connection.serverUrl, organisation, username, unit: '', passwordSet: true, configured: true, pushConcurrency };
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
  const training = new TrainingMode(options.training);
  const events = createMainEvents();

  log.info('Token Desk main process started', { app: app.name, version: app.version, vault: vault.protection });
  if (options.keychainWarning) log.warn(options.keychainWarning);

  const newSession = (connection: CrmConnection): CrmSession => {
    const server = safeUrl(connection.serverUrl);
    const onLogin: LoginObserver = (outcome) =>
      outcome.ok
        ? log.info('Signed in to the CRM', { server, username: outcome.username })
        : log.warn('CRM sign-in failed', { server, username: outcome.username, error: describeError(outcome.error) });
    const client = new CrmClient({ serverUrl: connection.serverUrl, fetch: options.fetch, timeoutMs: options.crmTimeoutMs });
    return new CrmSession(client, connection.credentials, onLogin);
  };
  const targets = new CrmTargets({ settings, training, newSession, onProgress: (progress) => events.emit('syncProgress', progress) });
  const currentSession = targets.current();
  const refuseInTraining = () => {
    if (training.isOn()) throw new Error('Training mode is on: the CRM settings can be changed after leaving training mode.');
  };

  const router = createRouter({
    getSettings: async () => (training.isOn() ? trainingSettingsView(await training.connection(), (await settings.view()).pushConcurrency) : settings.view()),
    saveSettings: async (input: SettingsInput) => {
      refuseInTraining();
      const view = await settings.save(input);
      targets.drop(false);
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
    pushOperations: async ({ operations, training: fromTraining }) => {
      if (fromTraining !== training.isOn()) return { crm: 'unreachable', message: MODE_CHANGED, results: [] };
      const { pushConcurrency } = await settings.view();
      const upstream = targets.upstream(fromTraining);
      const reply = await upstream.push(operations, { session: targets.session(fromTraining), unseal: (s) => vault.unseal(s), concurrency: pushConcurrency });
      if (operations.length > 0) log[reply.crm === 'ok' ? 'info' : 'warn']('Sync push', { ...summarisePush(reply), ...(fromTraining ? { training: true } : {}) });
      return reply;
    },
    refreshTokens: ({ authenticationCodes }) => refreshTokens(currentSession, authenticationCodes),
    participantTokens: ({ participantNumber }) => participantTokens(currentSession, participantNumber),
    fetchStock: ({ count }) => fetchStock(currentSession, count),
    testConnection: async () => {
      const reply = await testConnection(currentSession);
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
          progress: async () => targets.currentUpstream().view(),
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
    getTraining: () => training.view(),
    setTraining: async ({ on }) => {
      const view = await training.set(on, () => targets.idle());
      targets.drop(true);
      log.info(on ? 'Training mode switched on' : 'Training mode switched off');
      return view;
    },
    setTrainingFaults: async (patch) => {
      await applyTrainingFaults(patch, training, targets.session(true));
      const view = await training.view();
      log.info('Training faults set', { ...view.faults });
      return view;
    },
  });

  return {
    router: loggedRouter(router, log),
    events,
    settings,
    log,
    training,
    dispose: async () => {
      await targets.idle();
      targets.drop(false);
      targets.drop(true);
      await training.dispose();
      log.info('Token Desk main process stopped');
      await log.flush();
    },
  };
}
