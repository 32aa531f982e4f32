import { join } from 'node:path';
import type { Operation, PushReply, SettingsInput } from '../../shared/ipc/contract';
import { calibrate } from '../crm/calibration';
import { CrmClient } from '../crm/crmClient';
import { CrmSession, type LoginObserver } from '../crm/crmSession';
import { DialectStore, LiveDialect } from '../crm/dialectStore';
import { safeUrl, writeDiagnosticsBundle, type AppInfo } from '../diagnostics/diagnosticsBundle';
import { createMainEvents, type MainEvents } from '../ipc/mainEvents';
import { createRouter, type IpcRouter } from '../ipc/router';
import { finalSync } from './finalSync';
import { WorkJournal } from '../journal/workJournal';
import { createFileLogger, describeError, type FileLogger, type LogLevel } from '../logging/logger';
import { SecretMask } from '../logging/redact';
import { RotatingLog } from '../logging/rotatingLog';
import { SettingsFile, type ApproveOriginChange, type CrmConnection } from '../settings/settingsFile';
import { checkPassCode, fetchStock, listClassifications, participantTokens, refreshTokens, testConnection } from '../sync/crmReads';
import { Upstream } from '../sync/upstream';
import { BoundSecrets } from '../vault/boundSecrets';
import type { Vault } from '../vault/vault';

export const LOG_DIR = 'logs';
export const JOURNAL_FILE = join('journal', 'work.jsonl');
export const EXPORT_DIR = 'exports';

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
  /** Asked before the CRM URL moves to another origin; throws to refuse. The hook for a manager's approval. */
  approveOriginChange?: ApproveOriginChange;
}

/** A CRM session and the dialect its client speaks. */
interface SessionWithDialect {
  session: CrmSession;
  live: LiveDialect;
}

export interface MainServices {
  router: IpcRouter;
  /** What main tells the renderer unasked; each transport subscribes. */
  events: Pick<MainEvents, 'subscribe'>;
  settings: SettingsFile;
  journal: WorkJournal;
  log: FileLogger;
  /** On quit: one last try to send what the journal holds; answers how many stay queued. */
  finalSync(timeoutMs?: number): Promise<{ stillQueued: number }>;
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
  const vault = new BoundSecrets(options.vault, mask);
  const logFile = new RotatingLog({ dir: join(options.dataDir, LOG_DIR), maxBytes: options.log?.maxBytes, keep: options.log?.keep });
  const log = createFileLogger(logFile, { mask, mirror: options.log?.mirror });
  const settings = new SettingsFile(join(options.dataDir, 'settings.json'), vault, options.approveOriginChange);
  const journal = new WorkJournal(join(options.dataDir, JOURNAL_FILE));
  const dialects = new DialectStore(join(options.dataDir, 'crm-dialects.json'));
  let session: CrmSession | null = null;
  let dialect: LiveDialect | null = null;
  const events = createMainEvents();
  const upstream = new Upstream((progress) => events.emit('syncProgress', progress));

  log.info('Token Desk main process started', { app: app.name, version: app.version, vault: vault.protection });
  if (options.keychainWarning) log.warn(options.keychainWarning);

  const sessionFor = async (connection: CrmConnection): Promise<SessionWithDialect> => {
    const server = safeUrl(connection.serverUrl);
    const onLogin: LoginObserver = (outcome) =>
      outcome.ok
        ? log.info('Signed in to the CRM', { server, username: outcome.username })
        : log.warn('CRM sign-in failed', { server, username: outcome.username, error: describeError(outcome.error) });
    const live = await LiveDialect.open(dialects, connection.serverUrl);
    const client = new CrmClient({ serverUrl: connection.serverUrl, fetch: options.fetch, timeoutMs: options.crmTimeoutMs, dialect: () => live.current });
    const opened = new CrmSession(client, connection.credentials, onLogin, {
      afterFirstLogin: (c, token) => calibrateWith(live, c, token),
      onReleaseFailed: (error) => log.warn('CRM session release failed (deprecated from R12); ignored', { server, error: describeError(error) }),
    });
    return { session: opened, live };
  };

  const currentSession = async (): Promise<CrmSession | null> => {
    if (session) return session;
    const connection = await settings.connection();
    if (!connection) return null;
    const opened = await sessionFor(connection);
    session = opened.session;
    dialect = opened.live;
    return session;
  };

  /** Learns this server's error answers; a failure leaves the earlier answers (or the guesses) in place. */
  const calibrateWith = async (live: LiveDialect, client: CrmClient, token: string): Promise<void> => {
    const server = safeUrl(live.current.record.serverUrl);
    try {
      await live.learn(await calibrate(client, token));
      log.info('CRM dialect calibrated', { server, answers: live.current.record.answers });
    } catch (error) {
      log.warn('CRM dialect calibration failed; earlier answers stay', { server, error: describeError(error) });
    }
  };

  const dropSession = () => {
    const old = session;
    session = null;
    dialect = null;
    void old?.close().catch(() => undefined);
  };

  const push = async (operations: Operation[]): Promise<PushReply> => {
    const { pushConcurrency } = await settings.view();
    const onCodeReplaced = async () => {
      await dialect?.markGeneratesCodes();
      log.info('The CRM replaced an authentication code: it makes its own codes', { server: safeUrl(dialect?.current.record.serverUrl ?? '') });
    };
    const reply = await upstream.push(operations, {
      session: currentSession,
      unseal: (sealed, origin) => settings.openPassCode(sealed, origin),
      concurrency: pushConcurrency,
      onCodeReplaced,
    });
    if (operations.length > 0) log[reply.crm === 'ok' ? 'info' : 'warn']('Sync push', summarisePush(reply));
    // A change left live by a failed settle is only restored with attempt > 1, which adopts what the CRM holds.
    await journal.settleSynced(operations, reply.results).catch((error: unknown) => log.warn('Journal not updated after a push', { error: describeError(error) }));
    return reply;
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
    confirmCrmMove: async () => {
      const before = await settings.view();
      const view = await settings.confirmMove();
      log.info('CRM move confirmed: queued pass codes may go to the current CRM', { from: before.waitingMoveFrom, to: safeUrl(view.crmUrl) });
      return view;
    },
    sealSecret: async ({ plaintext }) => ({ sealed: await settings.sealPassCode(plaintext) }),
    pushOperations: ({ operations }) => push(operations),
    refreshTokens: ({ authenticationCodes }) => refreshTokens(currentSession, authenticationCodes),
    participantTokens: ({ participantNumber }) => participantTokens(currentSession, participantNumber),
    fetchStock: ({ count }) => fetchStock(currentSession, count),
    testConnection: async ({ settings: onScreen }) => {
      // The values on screen get a one-off session (and dialect), closed after the test; else the saved session.
      const trial: { opened: SessionWithDialect | null } = { opened: null };
      const openTrial = async () => {
        const connection = onScreen ? await settings.connectionFor(onScreen) : null;
        trial.opened = connection ? await sessionFor(connection) : null;
        return trial.opened?.session ?? null;
      };
      const reply = await testConnection(onScreen ? openTrial : currentSession);
      const used: SessionWithDialect | null = onScreen ? trial.opened : session && dialect ? { session, live: dialect } : null;
      if (reply.crm === 'ok' && used) await used.session.call((client, token) => calibrateWith(used.live, client, token));
      void trial.opened?.session.close().catch(() => undefined);
      log[reply.crm === 'ok' ? 'info' : 'warn']('Connection test', { crm: reply.crm, message: reply.message });
      return { ...reply, dialect: used?.live.current.record ?? null };
    },
    getCrmDialect: async () => {
      const connection = await settings.connection();
      return { dialect: connection ? await dialects.record(connection.serverUrl) : null };
    },
    checkPassCode: ({ identifier, sealedPassCode }) =>
      checkPassCode(currentSession, identifier, (origin) => settings.openPassCode(sealedPassCode, origin)),
    listClassifications: () => listClassifications(currentSession),
    journalAppend: async ({ entries }) => ({ live: await journal.append(entries) }),
    journalSettle: async ({ ids, outcome }) => ({ live: await journal.settle(ids, outcome) }),
    journalRead: async () => {
      const read = await journal.read();
      if (read.problem) log.warn(read.problem);
      return read;
    },
    exportUnsyncedWork: async () => {
      const exported = await journal.exportTo(join(options.dataDir, EXPORT_DIR));
      log.info('Unsynced work exported', exported);
      return exported;
    },
    importUnsyncedWork: async ({ text }) => {
      const entries = await journal.importFile(text);
      log.info('Unsynced work imported', { count: entries.length });
      return { entries };
    },
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
    journal,
    log,
    finalSync: (timeoutMs) =>
      finalSync(
        { liveEntries: async () => (await journal.read()).entries, push, wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()) },
        timeoutMs,
      ),
    dispose: async () => {
      await upstream.idle();
      dropSession();
      log.info('Token Desk main process stopped');
      await log.flush();
    },
  };
}
