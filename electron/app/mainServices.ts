import { join } from 'node:path';
import { type Approval, type Channel, type LanguageCode, type NewOperator, type Operation, type SignIn, type OperatorsView, type PushReply, type SettingsInput, type SettingsView } from '../../shared/ipc/contract';
import { calibrate } from '../crm/calibration';
import { CrmClient } from '../crm/crmClient';
import { CrmSession, type LoginObserver } from '../crm/crmSession';
import { DialectStore, LiveDialect } from '../crm/dialectStore';
import type { CrmTransport } from '../crm/httpTransport';
import { safeUrl, writeDiagnosticsBundle, type AppInfo } from '../diagnostics/diagnosticsBundle';
import { createMainEvents, type MainEvents } from '../ipc/mainEvents';
import { createRouter, type IpcCaller, type IpcRouter } from '../ipc/router';
import { OperatorSessions } from '../operators/operatorSessions';
import { OperatorStore, type OperatorStoreOptions } from '../operators/operatorStore';
import type { SlipPrinter } from '../printing/slipPrinter';
import { finalSync } from './finalSync';
import { WindowLanguage } from './windowLanguage';
import { WorkJournal } from '../journal/workJournal';
import { createFileLogger, describeError, type FileLogger, type LogLevel } from '../logging/logger';
import { SecretMask } from '../logging/redact';
import { RotatingLog } from '../logging/rotatingLog';
import { SettingsFile, type ApproveOriginChange, type CrmConnection } from '../settings/settingsFile';
import type { OpenSession } from '../sync/crmAccess';
import { checkPassCode, fetchStock, listClassifications, ownerTokens, participantTokens, refreshTokens, testConnection } from '../sync/crmReads';
import { CrmTargets } from '../training/crmTargets';
import { applyTrainingFaults } from '../training/trainingFaults';
import { TrainingMode, TRAINING_CREDENTIALS, type StartTrainingSimulator } from '../training/trainingMode';
import { BoundSecrets } from '../vault/boundSecrets';
import { WordedError } from '../wordedError';
import { isManagerTask } from '../../shared/ipc/mainWords';
import type { Vault } from '../vault/vault';

export const LOG_DIR = 'logs';
export const JOURNAL_FILE = join('journal', 'work.jsonl');
export const EXPORT_DIR = 'exports';
export const OPERATORS_FILE = 'operators.json';

export interface MainServicesOptions {
  /** Where main keeps its own files (settings, logs, diagnostics bundles). */
  dataDir: string;
  vault: Vault;
  fetch?: CrmTransport;
  /** How long to wait for the CRM before a call counts as failed (default 15 s). */
  crmTimeoutMs?: number;
  /** For the diagnostics bundle and the log. */
  app?: AppInfo;
  /** Rotation of logs/main.log (defaults: 1 MiB, 5 old files), and an optional copy of each line (stdout). */
  log?: { maxBytes?: number; keep?: number; mirror?: (level: LogLevel, line: string) => void };
  /** The operating system's language: main's dialogs speak it until the window says its own (default English). */
  systemLanguage?: LanguageCode;
  /** Set when the OS keychain is weak or missing; logged, and kept in diagnostics bundles. */
  keychainWarning?: string | null;
  /** Asked before the CRM URL moves to another origin; throws to refuse. The hook for a manager's approval. */
  approveOriginChange?: ApproveOriginChange;
  /** Empties the renderer's IndexedDB storage (Electron's session, the shell's CDP); absent where that cannot be done. */
  clearRendererStorage?: () => Promise<void>;
  /** Training mode: how to start the in-process CRM simulator (only a manager may switch it: the router's role gate). */
  training: { start: StartTrainingSimulator };
  /** The operators' clock, slow answer and lockout (tests pass their own clock and sleeper). */
  operators?: OperatorStoreOptions;
  /** Prints a window's slip without a dialog (Electron); absent, the renderer opens the print dialog (the browser shell). */
  printer?: SlipPrinter;
}

export interface MainServices {
  router: IpcRouter;
  /** What main tells the renderer unasked; each transport subscribes. */
  events: Pick<MainEvents, 'subscribe'>;
  settings: SettingsFile;
  journal: WorkJournal;
  training: TrainingMode;
  operators: OperatorSessions;
  /** The language main's native dialogs speak. */
  language: WindowLanguage;
  log: FileLogger;
  /** On quit: one last try to send what the journal holds; answers how many stay queued. */
  finalSync(timeoutMs?: number): Promise<{ stillQueued: number }>;
  dispose(): Promise<void>;
}

const TRAINING_DIR = 'training';
const MODE_CHANGED = 'Training mode was switched in another window or just now; this window reloads before it sends anything.';

/** The settings screen's view in training mode: the simulator and its demo login. */
function trainingSettingsView(connection: CrmConnection, real: SettingsView): SettingsView {
  const { username, organisation } = TRAINING_CREDENTIALS;
  return { ...real, crmUrl: connection.serverUrl, organisation, username, unit: '', passwordSet: true, configured: true, unencrypted: false, waitingMoveFrom: [], damage: null };
}

function summarisePush(reply: PushReply): Record<string, unknown> {
  const counts: Record<string, number> = {};
  for (const result of reply.results) counts[result.outcome] = (counts[result.outcome] ?? 0) + 1;
  return { crm: reply.crm, operations: reply.results.length, ...counts, ...(reply.message ? { message: reply.message } : {}) };
}

/** Logs every refused or failed IPC call; successful calls are not logged (the pushes are, below). */
function loggedRouter(router: IpcRouter, log: FileLogger): IpcRouter {
  return {
    async handle(channel, payload, caller) {
      const reply = await router.handle(channel, payload, caller);
      if (!reply.ok) {
        const level = reply.error.code === 'FAILED' || reply.error.code === 'BAD_REPLY' ? 'error' : 'warn';
        log[level]('IPC call failed', { channel: typeof channel === 'string' ? channel.slice(0, 64) : typeof channel, ...reply.error });
      }
      return reply;
    },
  };
}

/** The role gate: a manager's task (MANAGER_ONLY) needs a signed-in, unlocked manager at the calling window. */
function managerGate(operators: OperatorSessions) {
  return async (channel: Channel, caller: IpcCaller): Promise<WordedError | null> =>
    isManagerTask(channel) ? operators.refusal(caller, channel) : null;
}

const signedIn = (view: OperatorsView) => (view.session ? { operator: view.session.operator.name, role: view.session.operator.role } : {});

/** Sign-in and operator management; each is logged by who and what, never with a PIN or badge code. */
function operatorHandlers(operators: OperatorSessions, log: FileLogger) {
  const logged = async (message: string, work: Promise<OperatorsView>, extra: Record<string, unknown> = {}) => {
    try {
      const view = await work;
      log.info(message, { ...signedIn(view), ...extra });
      return view;
    } catch (error) {
      log.warn(`${message}: refused`, { ...extra, error: describeError(error) });
      throw error;
    }
  };
  return {
    getOperators: (_request: object, caller: IpcCaller) => operators.view(caller),
    createFirstManager: ({ name, pin }: { name: string; pin: string }, caller: IpcCaller) =>
      logged('First manager created', operators.createFirstManager(caller, name, pin)),
    signIn: (proof: SignIn, caller: IpcCaller) => logged('Operator signed in', operators.signIn(caller, proof), { by: 'badge' in proof ? 'badge' : 'PIN' }),
    lockScreen: (_request: object, caller: IpcCaller) => logged('Screen locked', operators.lock(caller)),
    signOut: (_request: object, caller: IpcCaller) => logged('Operator signed out', operators.signOut(caller)),
    addOperator: (input: NewOperator, caller: IpcCaller) => logged('Operator added', operators.add(caller, input), { name: input.name, role: input.role }),
    removeOperator: ({ operatorId }: { operatorId: string }, caller: IpcCaller) => logged('Operator removed', operators.remove(caller, operatorId), { operatorId }),
    resetOperator: ({ operatorId, pin, badge }: { operatorId: string; pin: string; badge?: string | null }, caller: IpcCaller) =>
      logged('Operator PIN reset', operators.reset(caller, operatorId, pin, badge), { operatorId }),
    authorize: async ({ action, manager }: { action: Approval; manager?: { operatorId: string; pin: string } }, caller: IpcCaller) => {
      try {
        const answer = await operators.authorize(caller, action, manager);
        log.info('Manager task allowed', { action, operator: answer.operator.name, approvedBy: answer.approvedBy?.name ?? null });
        return answer;
      } catch (error) {
        log.warn('Manager task refused', { action, error: describeError(error) });
        throw error;
      }
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
  /** Each session's live dialect: what this server's answers mean, learned at sign-in. */
  const sessionDialects = new WeakMap<CrmSession, LiveDialect>();
  // Training work has its own journal, so a final sync on quit never sends it to the real CRM.
  const trainingJournal = new WorkJournal(join(options.dataDir, TRAINING_DIR, JOURNAL_FILE));
  const training = new TrainingMode(options.training);
  const events = createMainEvents();
  const operators = new OperatorSessions(new OperatorStore(join(options.dataDir, OPERATORS_FILE), options.operators));
  const language = new WindowLanguage(options.systemLanguage);

  log.info('Token Desk main process started', { app: app.name, version: app.version, vault: vault.protection });
  if (options.keychainWarning) log.warn(options.keychainWarning);

  const newSession = async (connection: CrmConnection): Promise<CrmSession> => {
    const server = safeUrl(connection.serverUrl);
    const onLogin: LoginObserver = (outcome) =>
      outcome.ok
        ? log.info('Signed in to the CRM', { server, username: outcome.username })
        : log.warn('CRM sign-in failed', { server, username: outcome.username, error: describeError(outcome.error) });
    const live = await LiveDialect.open(dialects, connection.serverUrl);
    const client = new CrmClient({
      serverUrl: connection.serverUrl,
      fetch: options.fetch,
      timeoutMs: options.crmTimeoutMs,
      dialect: () => live.current,
      onSkippedRecord: (skipped) => log.warn('Skipped a CRM record; the rest goes on', { ...skipped }),
    });
    const session = new CrmSession(client, connection.credentials, onLogin, {
      afterFirstLogin: (c, token) => calibrateWith(live, c, token),
      onReleaseFailed: (error) => log.warn('CRM session release failed (deprecated from R12); ignored', { server, error: describeError(error) }),
    });
    sessionDialects.set(session, live);
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
  const dialectOf = async (openSession: OpenSession): Promise<{ session: CrmSession; live: LiveDialect } | null> => {
    const session = await openSession();
    const live = session ? sessionDialects.get(session) : undefined;
    return session && live ? { session, live } : null;
  };

  const targets = new CrmTargets({ settings, training, newSession, onProgress: (progress) => events.emit('syncProgress', progress) });
  const currentSession = targets.current();
  const refuseInTraining = () => {
    if (training.isOn()) throw new WordedError({ code: 'trainingOn' }, 'Training mode is on: this is done with real work only; leave training mode first (Settings).');
  };
  /** Training pass codes are bound to the simulator, so none can be opened for the real CRM. */
  const trainingOrigin = async () => new URL((await training.connection()).serverUrl).origin;
  const openPassCode = async (fromTraining: boolean, sealed: string, origin: string): Promise<string> => {
    if (!fromTraining) return settings.openPassCode(sealed, origin);
    const opened = await vault.open(sealed, 'passCode');
    if (opened.origin !== origin || origin !== (await trainingOrigin())) throw new WordedError({ code: 'trainingPassCode' }, 'This pass code was not entered in this training session.');
    return opened.value;
  };
  const journalFor = (fromTraining: boolean) => {
    if (fromTraining !== training.isOn()) throw new WordedError({ code: 'trainingSwitched' }, MODE_CHANGED);
    return fromTraining ? trainingJournal : journal;
  };

  /** Journal notes of pushes already answered: stopping waits for them. */
  let noting: Promise<unknown> = Promise.resolve();
  /**
   * The reply, and `settled`: the journal noting what finished. The window's reply does not wait for
   * that fsync (the window settles the same changes as it applies them, noted in its own transaction).
   */
  const push = async (operations: Operation[], fromTraining = false): Promise<{ reply: PushReply; settled: Promise<void> }> => {
    if (fromTraining !== training.isOn()) return { reply: { crm: 'unreachable', message: MODE_CHANGED, results: [] }, settled: Promise.resolve() };
    const { pushConcurrency } = await settings.view();
    const upstream = targets.upstream(fromTraining);
    const session = targets.session(fromTraining);
    const unseal = (sealed: string, origin: string) => openPassCode(fromTraining, sealed, origin);
    const onCodeReplaced = async () => {
      const live = (await dialectOf(session))?.live;
      await live?.markGeneratesCodes();
      log.info('The CRM replaced an authentication code: it makes its own codes', { server: safeUrl(live?.current.record.serverUrl ?? '') });
    };
    const reply = await upstream.push(operations, { session, unseal, concurrency: pushConcurrency, onCodeReplaced });
    if (operations.length > 0) log[reply.crm === 'ok' ? 'info' : 'warn']('Sync push', { ...summarisePush(reply), ...(fromTraining ? { training: true } : {}) });
    // A change left live by a failed settle is only restored with attempt > 1, which adopts what the CRM holds.
    const settled = journalFor(fromTraining)
      .settleSynced(operations, reply.results)
      .catch((error: unknown) => log.warn('Journal not updated after a push', { error: describeError(error) }));
    noting = Promise.all([noting, settled]);
    return { reply, settled };
  };

  /** At quit, what stays queued is read from the journal, so the push waits for its note there. */
  const settledPush = async (operations: Operation[]): Promise<PushReply> => {
    const { reply, settled } = await push(operations);
    await settled;
    return reply;
  };

  const router = createRouter({
    getSettings: async () => (training.isOn() ? trainingSettingsView(await training.connection(), await settings.view()) : settings.view()),
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
    confirmCrmMove: async () => {
      const before = await settings.view();
      const view = await settings.confirmMove();
      log.info('CRM move confirmed: queued pass codes may go to the current CRM', { from: before.waitingMoveFrom, to: safeUrl(view.crmUrl) });
      return view;
    },
    sealSecret: async ({ plaintext }) => ({
      sealed: training.isOn() ? await vault.seal(plaintext, 'passCode', await trainingOrigin()) : await settings.sealPassCode(plaintext),
    }),
    pushOperations: async ({ operations, training: fromTraining }) => (await push(operations, fromTraining)).reply,
    refreshTokens: ({ authenticationCodes }) => refreshTokens(currentSession, authenticationCodes),
    participantTokens: ({ participantNumber }) => participantTokens(currentSession, participantNumber),
    ownerTokens: ({ number }) => ownerTokens(currentSession, number),
    fetchStock: ({ count }) => fetchStock(currentSession, count),
    testConnection: async ({ settings: onScreen }) => {
      // The values on screen get a one-off session, closed after the test; else the current session.
      const trial: { session: CrmSession | null } = { session: null };
      const openTrial: OpenSession = async () => {
        const connection = onScreen ? await settings.connectionFor(onScreen) : null;
        trial.session = connection ? await newSession(connection) : null;
        return trial.session;
      };
      const reply = await testConnection(onScreen ? openTrial : currentSession);
      const known = await dialectOf(onScreen ? async () => trial.session : currentSession);
      if (reply.crm === 'ok' && known) await known.session.call((client, token) => calibrateWith(known.live, client, token));
      void trial.session?.close().catch(() => undefined);
      log[reply.crm === 'ok' ? 'info' : 'warn']('Connection test', { crm: reply.crm, message: reply.message });
      return { ...reply, dialect: known?.live.current.record ?? null };
    },
    getCrmDialect: async () => {
      const connection = await settings.connection();
      return { dialect: connection ? await dialects.record(connection.serverUrl) : null };
    },
    checkPassCode: ({ identifier, sealedPassCode }) =>
      checkPassCode(currentSession, identifier, (origin) => openPassCode(training.isOn(), sealedPassCode, origin)),
    listClassifications: () => listClassifications(currentSession),
    journalAppend: async ({ entries, training: fromTraining }) => ({ live: await journalFor(fromTraining).append(entries) }),
    journalSettle: async ({ ids, outcome, training: fromTraining }) => ({ live: await journalFor(fromTraining).settle(ids, outcome) }),
    journalRead: async ({ training: fromTraining }) => {
      const read = await journalFor(fromTraining).read();
      if (read.problem) log.warn(read.problem);
      return read;
    },
    exportUnsyncedWork: async () => {
      refuseInTraining();
      const exported = await journal.exportTo(join(options.dataDir, EXPORT_DIR));
      log.info('Unsynced work exported', exported);
      return exported;
    },
    importUnsyncedWork: async ({ text }) => {
      refuseInTraining();
      const entries = await journal.importFile(text);
      log.info('Unsynced work imported', { count: entries.length });
      return { entries };
    },
    clearLocalDatabase: async () => {
      if (!options.clearRendererStorage) throw new WordedError({ code: 'cannotRebuild' }, 'This window cannot rebuild its database here; restart Token Desk.');
      // Read first: a journal that cannot be read must not lose its only partner.
      const [real, practice] = await Promise.all([journal.read(), trainingJournal.read()]);
      await options.clearRendererStorage();
      const journalled = real.entries.length + practice.entries.length;
      log.warn('Local database cleared, to be rebuilt from the journal', { journalled });
      return { journalled };
    },
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
    ...operatorHandlers(operators, log),
    setLanguage: async ({ language: said }) => {
      language.use(said);
      return {};
    },
    listPrinters: async (_request, caller) => (options.printer ? { silent: true, printers: await options.printer.list(caller.window) } : { silent: false, printers: [] }),
    printSlip: async (job, caller) => {
      if (!options.printer) return { via: 'dialog' as const };
      await options.printer.print(caller.window, job);
      log.info('Slip printed', { paper: job.paper, printer: job.deviceName ?? 'default' });
      return { via: 'printer' as const };
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
  }, managerGate(operators));

  return {
    router: loggedRouter(router, log),
    events,
    settings,
    journal,
    training,
    operators,
    language,
    log,
    finalSync: (timeoutMs) =>
      finalSync(
        { liveEntries: async () => (await journal.read()).entries, push: (operations) => settledPush(operations), wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()) },
        timeoutMs,
      ),
    dispose: async () => {
      await targets.idle();
      await noting;
      targets.drop(false);
      targets.drop(true);
      await training.dispose();
      log.info('Token Desk main process stopped');
      await log.flush();
    },
  };
}
