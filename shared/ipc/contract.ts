import { z } from 'zod';
import { lifeCycleStateSchema, switchTargetSchema } from '../token/lifeCycle';
import { dialectRecordSchema } from '../crm/dialect';
import { participantSummarySchema, serverTokenSchema } from '../token/serverToken';
import { approvalSchema, mainWordsSchema, type ManagerTask } from './mainWords';
import { schemaProblem } from '../text/schemaProblems';

/** The one list of IPC channels between renderer and main, each with its request and reply schema. */

const nonBlank = (max: number) => z.string().trim().min(1).max(max);

export const crmUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => value === '' || /^https?:\/\/[^\s/]+/i.test(value), schemaProblem('crmUrlScheme', 'CRM URL must start with http:// or https://'));

export const settingsInputSchema = z.object({
  crmUrl: crmUrlSchema,
  organisation: z.string().trim().max(120),
  username: z.string().trim().max(120),
  /** The CRM unit this counter logs in to (optional in the CRM's login). Absent keeps it. */
  unit: z.string().trim().max(120).optional(),
  /** Absent keeps the stored password; an empty string clears it. */
  password: z.string().max(512).optional(),
  /** How many tokens' changes may be sent at once (each token's own changes always go in order). Absent keeps it. */
  pushConcurrency: z.number().int().min(1).max(16).optional(),
  /** Lets a plain http:// CRM on another computer be used; the status bar then says so. Absent keeps it. */
  allowUnencrypted: z.boolean().optional(),
});
export type SettingsInput = z.infer<typeof settingsInputSchema>;

export const settingsViewSchema = z.object({
  crmUrl: z.string(),
  organisation: z.string(),
  username: z.string(),
  unit: z.string(),
  passwordSet: z.boolean(),
  configured: z.boolean(),
  pushConcurrency: z.number().int().min(1).max(16),
  allowUnencrypted: z.boolean(),
  /** The CRM URL is plain http:// to another computer (allowed by the setting above). */
  unencrypted: z.boolean(),
  /** Earlier CRM origins whose queued pass codes wait until the operator confirms the move (confirmCrmMove). */
  waitingMoveFrom: z.array(z.string()),
  /** Why the settings file could not be read; the settings shown are then empty. */
  damage: z.string().nullable(),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

const operationBase = {
  seq: z.number().int().positive(),
  tokenLocalId: nonBlank(64),
  /** 1 on the first send; anything higher means an earlier send's outcome is unknown. */
  attempt: z.number().int().min(1),
  /** The code the CRM knows this token by when the operation runs. */
  authenticationCode: nonBlank(128),
};

export const createOperationSchema = z.object({
  ...operationBase,
  kind: z.literal('create'),
  identifier: nonBlank(128).nullable(),
  sealedPassCode: nonBlank(4096).nullable(),
  participantNumber: nonBlank(64).nullable(),
  /** Absent on changes queued before classifications existed. */
  classificationId: nonBlank(64).nullable().optional(),
});

/**
 * What the counter believed the CRM held when the change was queued. Main
 * compares it with the CRM's current copy, field by field, never by clocks:
 * a field the CRM changed to something else since is a conflict.
 */
export const baseVersionSchema = z.object({
  updatedDate: z.string().nullable(),
  lifeCycleState: lifeCycleStateSchema,
  identifier: z.string().nullable(),
});
export type BaseVersion = z.infer<typeof baseVersionSchema>;

export const updateOperationSchema = z
  .object({
    ...operationBase,
    kind: z.literal('update'),
    base: baseVersionSchema,
    identifier: nonBlank(128).optional(),
    sealedPassCode: nonBlank(4096).optional(),
    newAuthenticationCode: nonBlank(128).optional(),
  })
  .refine((op) => (op.identifier === undefined) === (op.sealedPassCode === undefined), {
    message: 'An identifier change needs its pass code, and a pass code needs the identifier',
  })
  .refine((op) => op.identifier !== undefined || op.newAuthenticationCode !== undefined, {
    message: 'An update must change something',
  });

export const setStateOperationSchema = z.object({
  ...operationBase,
  kind: z.literal('setState'),
  base: baseVersionSchema,
  target: switchTargetSchema,
});

/** Pending verification → effective with the code the customer received (sealed like a pass code). */
export const verifyOperationSchema = z.object({
  ...operationBase,
  kind: z.literal('verify'),
  base: baseVersionSchema,
  sealedVerificationCode: nonBlank(4096),
});

export const operationSchema = z.discriminatedUnion('kind', [
  createOperationSchema,
  updateOperationSchema,
  setStateOperationSchema,
  verifyOperationSchema,
]);
export type Operation = z.infer<typeof operationSchema>;
export type CreateOperation = z.infer<typeof createOperationSchema>;
export type UpdateOperation = z.infer<typeof updateOperationSchema>;
export type SetStateOperation = z.infer<typeof setStateOperationSchema>;
export type VerifyOperation = z.infer<typeof verifyOperationSchema>;

/** Who did something: the operator's id (stable) and name (as it was then). */
export const operatorRefSchema = z.object({ id: nonBlank(64), name: z.string() });
export type OperatorRef = z.infer<typeof operatorRefSchema>;

/**
 * One queued change, as kept in main's journal: the second copy of unsynced work. Its pass code is
 * sealed, as in the queue. `operation.seq` is the queue's number for it when last written; a change
 * restored into a new queue is journalled again under the same id with its new number.
 */
export const journalEntrySchema = z.object({
  id: nonBlank(100),
  queuedAt: z.number().int().min(0),
  operation: operationSchema,
  /** The operator who queued it: a change restored before anyone signs in is still theirs (absent in older journals). */
  queuedBy: operatorRefSchema.nullable().optional(),
});
export type JournalEntry = z.infer<typeof journalEntrySchema>;

/** synced: the CRM holds it; discarded: the operator dropped it; abandoned: it never reached the queue. */
export const journalOutcomeSchema = z.enum(['synced', 'discarded', 'abandoned']);
export type JournalOutcome = z.infer<typeof journalOutcomeSchema>;
export const MAX_JOURNAL_BATCH = 500;

/** The file "Export unsynced work" writes and "Import unsynced work" reads. */
export const unsyncedWorkFileSchema = z.object({
  kind: z.literal('token-desk-unsynced-work'),
  formatVersion: z.literal(1),
  exportedAt: z.string(),
  /** Pass codes are sealed with the exporting counter's key: on another computer they are typed again. */
  note: z.string(),
  entries: z.array(journalEntrySchema),
});
export type UnsyncedWorkFile = z.infer<typeof unsyncedWorkFileSchema>;

/** `reason` names what the app recognised in the CRM's answer (its dialect), so no screen reads a CRM code. */
/** participantRefused: a create the CRM refused for its participant (no such participant, or it has all the tokens it may). */
export const SYNC_ERROR_REASONS = ['identifierTaken', 'participantRefused', 'releaseCannotSwitch', 'unrecognisedCheck', 'verificationRefused'] as const;
/** `message` is the record (the CRM's or main's English); `words` what the clerk reads (absent from rows queued before it). */
export const syncErrorSchema = z.object({ code: z.string(), message: z.string(), reason: z.enum(SYNC_ERROR_REASONS).optional(), words: mainWordsSchema.optional() });
export type SyncError = z.infer<typeof syncErrorSchema>;

/**
 * Fields where two counters' edits can collide. A state change cannot: with
 * two states, the CRM either still holds the base (apply) or already holds
 * the target (nothing to do).
 */
export const CONFLICT_FIELDS = ['identifier'] as const;
export const fieldConflictSchema = z.object({
  field: z.enum(CONFLICT_FIELDS),
  crm: z.string().nullable(),
  mine: z.string().nullable(),
});
export type FieldConflict = z.infer<typeof fieldConflictSchema>;

export const operationResultSchema = z.discriminatedUnion('outcome', [
  /** The CRM holds the change; `adopted` when a retry found an earlier send had already landed. */
  z.object({ seq: z.number().int(), outcome: z.literal('done'), token: serverTokenSchema, adopted: z.boolean() }),
  /** Temporary failure: keep it queued and try again later. */
  z.object({ seq: z.number().int(), outcome: z.literal('retry'), error: syncErrorSchema }),
  /** Permanent failure: park it for the operator. */
  z.object({ seq: z.number().int(), outcome: z.literal('parked'), error: syncErrorSchema }),
  /** The CRM changed the same field since the change was queued: the CRM's value stays, the operator chooses. */
  z.object({
    seq: z.number().int(),
    outcome: z.literal('conflict'),
    token: serverTokenSchema,
    conflicts: z.array(fieldConflictSchema).min(1),
  }),
  /** Not sent because an earlier operation of the same token did not finish. */
  z.object({ seq: z.number().int(), outcome: z.literal('blocked') }),
]);
export type OperationResult = z.infer<typeof operationResultSchema>;

/** localError: this counter's own vault or settings file failed, not the CRM. */
export const CRM_REACH = ['ok', 'unconfigured', 'unreachable', 'loginFailed', 'localError'] as const;
export const crmReachSchema = z.enum(CRM_REACH);
export type CrmReach = z.infer<typeof crmReachSchema>;

export const MAX_BATCH = 200;

export const pushReplySchema = z.object({
  crm: crmReachSchema,
  message: z.string().nullable(),
  results: z.array(operationResultSchema),
});
export type PushReply = z.infer<typeof pushReplySchema>;

/**
 * Every read from the CRM says whether it reached it; on anything but 'ok' the data is empty, `message`
 * says why in main's English (the log) and `words` the same for the clerk (null when 'ok').
 */
const reachReply = { crm: crmReachSchema, message: z.string().nullable(), words: mainWordsSchema.nullable().optional() };

export const MAX_REFRESH = 100;

export const classificationSummarySchema = z.object({ id: z.string(), name: z.string(), description: z.string().nullable() });
export type ClassificationSummary = z.infer<typeof classificationSummarySchema>;

export const syncProgressSchema = z.object({
  running: z.boolean(),
  /** Operations of the running push that have an answer, of how many. */
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  lastError: syncErrorSchema.nullable(),
});
export type SyncProgress = z.infer<typeof syncProgressSchema>;

/** What the renderer knows of its own queue, for a support bundle; the same fields as its sync store. */
const count = z.number().int().min(0).max(10_000_000);
const epochMs = z.number().int().min(0).nullable();
const bytes = z.number().min(0).max(Number.MAX_SAFE_INTEGER).nullable();

/** Whether the browser keeps the renderer's storage under disk pressure (null: it could not be asked), and its use. */
export const storageStateSchema = z.object({ persisted: z.boolean().nullable(), usageBytes: bytes, quotaBytes: bytes });
export type StorageState = z.infer<typeof storageStateSchema>;
export const rendererSyncStateSchema = z.object({
  crm: z.enum(['unknown', ...CRM_REACH]),
  pendingCount: count,
  parkedCount: count,
  conflictCount: count,
  oldestPendingAt: epochMs,
  lastSyncAt: epochMs,
  lastMessage: z.string().max(2000).nullable(),
  lastError: z.object({ code: z.string().max(200), message: z.string().max(2000) }).nullable(),
  syncing: z.boolean(),
  /** Absent from windows older than the question. */
  storage: storageStateSchema.optional(),
});
export type RendererSyncState = z.infer<typeof rendererSyncStateSchema>;

/** Whether a window's changes are training work: main refuses them when its mode differs, so they never reach the other CRM or journal. */
const trainingFlag = z.boolean().default(false);

/** The languages the counter speaks, here once for both sides: the window's catalogs and main's own dialogs. */
export const LANGUAGE_CODES = ['en', 'el'] as const;
export const languageCodeSchema = z.enum(LANGUAGE_CODES);
export type LanguageCode = z.infer<typeof languageCodeSchema>;

/** The simulator's fault switches a trainer can use in training mode. */
export const trainingFaultsSchema = z.object({
  /** The simulated CRM refuses connections. */
  offline: z.boolean(),
  /** Calls that will be carried out but whose reply is lost. */
  lostReplies: z.number().int().min(0),
  /** Calls that will fail with a server error. */
  failures: z.number().int().min(0),
});
export type TrainingFaults = z.infer<typeof trainingFaultsSchema>;

export const trainingViewSchema = z.object({
  on: z.boolean(),
  /** null when training mode is off. */
  faults: trainingFaultsSchema.nullable(),
});
export type TrainingView = z.infer<typeof trainingViewSchema>;

export const trainingFaultsPatchSchema = z
  .object({
    offline: z.boolean(),
    /** Adds one lost reply (the next call is carried out, its answer never arrives). */
    loseNextReply: z.literal(true),
    /** Adds one server error. */
    failNextCall: z.literal(true),
    /** Another counter changes the identifier of this token at the CRM, so the next change to it meets a conflict. */
    changeElsewhere: z.object({ authenticationCode: nonBlank(128) }).strict(),
  })
  .partial()
  .strict();
export type TrainingFaultsPatch = z.infer<typeof trainingFaultsPatchSchema>;

/** manager: also changes Settings, imports the definition, discards a refused change and manages operators. */
export const ROLES = ['manager', 'clerk'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const operatorNameSchema = z.string().trim().min(1, 'Enter the operator’s name.').max(60, 'A name is at most 60 characters.');
export const pinSchema = z.string().regex(/^\d{4,12}$/, 'A PIN is 4 to 12 digits.');
export const badgeSchema = z.string().trim().min(4, 'A badge code has at least 4 characters.').max(128, 'A badge code is at most 128 characters.');

export const operatorSummarySchema = z.object({
  ...operatorRefSchema.shape,
  role: roleSchema,
  hasBadge: z.boolean(),
  /** Epoch ms until which sign-in is refused after repeated wrong PINs; null when not locked. */
  lockedUntil: z.number().int().nullable(),
});
export type OperatorSummary = z.infer<typeof operatorSummarySchema>;

/** This window's sign-in: who, and whether the screen is locked (signing in again as anyone unlocks it). */
export const operatorSessionSchema = z.object({ operator: operatorSummarySchema, locked: z.boolean() });

export const operatorsViewSchema = z.object({
  operators: z.array(operatorSummarySchema),
  /** null: nobody is signed in at this window. */
  session: operatorSessionSchema.nullable(),
  /** Why the operators file could not be read: then nobody can sign in until it is fixed. */
  damage: z.string().nullable(),
});
export type OperatorsView = z.infer<typeof operatorsViewSchema>;

export const signInSchema = z.union([
  z.object({ operatorId: nonBlank(64), pin: pinSchema }).strict(),
  z.object({ badge: badgeSchema }).strict(),
]);
export type SignIn = z.infer<typeof signInSchema>;

/** What a clerk may ask a manager to approve on the spot; the renderer carries it out after main's yes. */
export { APPROVALS, approvalSchema, type Approval } from './mainWords';

const newOperatorSchema = z
  .object({ name: operatorNameSchema, role: roleSchema, pin: pinSchema, badge: badgeSchema.optional() })
  .strict();
export type NewOperator = z.infer<typeof newOperatorSchema>;

/** The paper a slip is printed on: a receipt roll of 58 or 80 mm, or an A4 page. */
export const PAPERS = ['58mm', '80mm', 'A4'] as const;
export const paperSchema = z.enum(PAPERS);
export type Paper = z.infer<typeof paperSchema>;
/** A receipt roll's width; A4 is a page size and has none here. */
export const ROLL_WIDTH_MM = { '58mm': 58, '80mm': 80 } as const satisfies Record<Exclude<Paper, 'A4'>, number>;

/** `name` is the system's name, which printing takes; `displayName` is for people. */
export const printerSchema = z.object({ name: z.string().min(1).max(512), displayName: z.string().max(512) });
export type PrinterInfo = z.infer<typeof printerSchema>;

/** A roll's page is as long as the slip (measured by the renderer); A4 is A4. */
export const printJobSchema = z
  .object({
    /** The printer's system name; absent prints to the computer's default printer. */
    deviceName: z.string().min(1).max(512).optional(),
    paper: paperSchema,
    heightMm: z.number().int().min(20).max(2000),
  })
  .strict();
export type PrintJob = z.infer<typeof printJobSchema>;

export const ipcContract = {
  getSettings: { request: z.object({}).strict(), reply: settingsViewSchema },
  saveSettings: { request: settingsInputSchema.strict(), reply: settingsViewSchema },
  /** The operator lets pass codes queued for the CRM's earlier origins go to the current one. */
  confirmCrmMove: { request: z.object({}).strict(), reply: settingsViewSchema },
  /** Seals a pass code for the queue, bound to the CRM configured now; only ever opened as a pass code. */
  sealSecret: { request: z.object({ plaintext: z.string().min(1).max(512) }).strict(), reply: z.object({ sealed: z.string() }) },
  pushOperations: {
    request: z
      .object({
        operations: z.array(operationSchema).max(MAX_BATCH),
        training: trainingFlag,
      })
      .strict(),
    reply: pushReplySchema,
  },
  /** Re-reads tokens by authentication code; `missing` lists codes the CRM no longer knows. */
  refreshTokens: {
    request: z.object({ authenticationCodes: z.array(nonBlank(128)).max(MAX_REFRESH) }).strict(),
    reply: z.object({ ...reachReply, tokens: z.array(serverTokenSchema), missing: z.array(z.string()) }),
  },
  /** A rewards participant and all of its tokens. */
  participantTokens: {
    request: z.object({ participantNumber: nonBlank(64) }).strict(),
    reply: z.object({ ...reachReply, participant: participantSummarySchema.nullable(), tokens: z.array(serverTokenSchema) }),
  },
  /** The tokens of whoever `number` names: a rewards participant by its number, or an accounts receivable by its number (Find). */
  ownerTokens: {
    request: z.object({ number: nonBlank(64) }).strict(),
    reply: z.object({ ...reachReply, tokens: z.array(serverTokenSchema) }),
  },
  /** Not-associated tokens to hand out offline. */
  fetchStock: {
    request: z.object({ count: z.number().int().min(1).max(MAX_REFRESH) }).strict(),
    reply: z.object({ ...reachReply, tokens: z.array(serverTokenSchema) }),
  },
  /** Signs in with the values on screen (`settings`), else with the saved ones; calibrates that server's dialect; saves no settings. */
  testConnection: {
    request: z.object({ settings: settingsInputSchema.optional() }).strict(),
    reply: z.object({ ...reachReply, dialect: dialectRecordSchema.nullable().optional() }),
  },
  /** What calibration learned about the configured server (null: no server configured). */
  getCrmDialect: { request: z.object({}).strict(), reply: z.object({ dialect: dialectRecordSchema.nullable() }) },
  /** Asks the CRM whether the identifier and pass code belong together: `valid` null when it could not be asked. */
  checkPassCode: {
    request: z.object({ identifier: nonBlank(128), sealedPassCode: nonBlank(4096) }).strict(),
    reply: z.object({ ...reachReply, valid: z.boolean().nullable(), token: serverTokenSchema.nullable() }),
  },
  listClassifications: {
    request: z.object({}).strict(),
    reply: z.object({ ...reachReply, classifications: z.array(classificationSummarySchema) }),
  },
  /**
   * Writes a support bundle (versions, OS, settings without secrets, sync progress, recent log lines and
   * the renderer's queue state) as JSON into the user data folder and answers with its path.
   */
  /** Records queued changes in main's journal (fsync'd) before the clerk is told they are saved. */
  journalAppend: {
    request: z.object({ entries: z.array(journalEntrySchema).min(1).max(MAX_JOURNAL_BATCH), training: trainingFlag }).strict(),
    reply: z.object({ live: z.number().int().min(0) }),
  },
  /** Records how journalled changes ended; they leave the journal at its next compaction. */
  journalSettle: {
    request: z.object({ ids: z.array(nonBlank(100)).min(1).max(MAX_JOURNAL_BATCH), outcome: journalOutcomeSchema, training: trainingFlag }).strict(),
    reply: z.object({ live: z.number().int().min(0) }),
  },
  /** Every journalled change without an outcome: compared at start with the queue to restore lost work. */
  journalRead: {
    request: z.object({ training: trainingFlag }).strict(),
    reply: z.object({ entries: z.array(journalEntrySchema), problem: z.string().nullable() }),
  },
  /** Writes the unsynced work (the journal's live changes) to a file in main's folder; answers its path. */
  exportUnsyncedWork: {
    request: z.object({}).strict(),
    reply: z.object({ path: z.string(), count: z.number().int().min(0) }),
  },
  /** Takes a file of unsynced work (from another counter or before a reinstall) into the journal; answers the new changes. */
  importUnsyncedWork: {
    request: z.object({ text: z.string().min(1).max(50_000_000) }).strict(),
    reply: z.object({ entries: z.array(journalEntrySchema) }),
  },
  /**
   * Empties the window's IndexedDB storage (every database of its origin) so a database that cannot be
   * opened is rebuilt from the journal at the next start. Refused while the journal cannot be read.
   */
  clearLocalDatabase: { request: z.object({}).strict(), reply: z.object({ journalled: z.number().int().min(0) }) },
  exportDiagnostics: {
    request: z.object({ rendererState: rendererSyncStateSchema }).strict(),
    reply: z.object({ path: z.string() }),
  },
  /** The window's language, said at its start (before sign-in) and at each change: main's own dialogs speak it. */
  setLanguage: { request: z.object({ language: languageCodeSchema }).strict(), reply: z.object({}).strict() },
  /** Training mode: a simulated CRM in main and a database of its own in the renderer. */
  getTraining: { request: z.object({}).strict(), reply: trainingViewSchema },
  /** Switches training mode; the renderer reloads afterwards to open the other database. */
  setTraining: { request: z.object({ on: z.boolean() }).strict(), reply: trainingViewSchema },
  /** Sets the simulated CRM's fault switches; refused outside training mode. */
  setTrainingFaults: { request: trainingFaultsPatchSchema, reply: trainingViewSchema },
  /** The printers this computer has; `silent` false where main cannot print without the dialog (the browser shell). */
  listPrinters: { request: z.object({}).strict(), reply: z.object({ silent: z.boolean(), printers: z.array(printerSchema).max(500) }) },
  /**
   * Prints this window's slip without a dialog. `dialog`: main cannot print here, the renderer opens the
   * print dialog itself. A printer that fails is an error in words.
   */
  printSlip: { request: printJobSchema, reply: z.object({ via: z.enum(['printer', 'dialog']) }) },
  /** The operators (never a PIN or badge) and this window's sign-in. */
  getOperators: { request: z.object({}).strict(), reply: operatorsViewSchema },
  /** First start only (no operators yet): creates a manager and signs this window in as them. */
  createFirstManager: { request: z.object({ name: operatorNameSchema, pin: pinSchema }).strict(), reply: operatorsViewSchema },
  /** Signs this window in (or unlocks it, or switches operator) with a PIN or a badge; a wrong PIN is answered slowly. */
  signIn: { request: signInSchema, reply: operatorsViewSchema },
  /** Locks this window's screen; the operator stays signed in, and nothing a manager may do is allowed until signed in again. */
  lockScreen: { request: z.object({}).strict(), reply: operatorsViewSchema },
  signOut: { request: z.object({}).strict(), reply: operatorsViewSchema },
  addOperator: { request: newOperatorSchema, reply: operatorsViewSchema },
  removeOperator: { request: z.object({ operatorId: nonBlank(64) }).strict(), reply: operatorsViewSchema },
  /** A new PIN (and badge: a code sets it, null removes it, absent keeps it); also ends a lockout. */
  resetOperator: {
    request: z.object({ operatorId: nonBlank(64), pin: pinSchema, badge: badgeSchema.nullable().optional() }).strict(),
    reply: operatorsViewSchema,
  },
  /**
   * May this window's operator do `action`? A manager may; a clerk only with a manager's PIN given on the
   * spot (`manager`). Answers who did it and who approved it, for the audit.
   */
  authorize: {
    request: z.object({ action: approvalSchema, manager: z.object({ operatorId: nonBlank(64), pin: pinSchema }).strict().optional() }).strict(),
    reply: z.object({ operator: operatorRefSchema, approvedBy: operatorRefSchema.nullable() }),
  },
} as const;

/**
 * Channels only a signed-in manager's window may call (main refuses everyone else), each with what it
 * does in English for main's log; the clerk reads the refusal from its code (mainWords.ts).
 */
export const MANAGER_ONLY: Readonly<Record<ManagerTask, string>> = {
  saveSettings: 'change the CRM settings',
  confirmCrmMove: 'confirm a move of the CRM',
  testConnection: 'test the CRM sign-in',
  importUnsyncedWork: 'import unsynced work',
  setTraining: 'switch training mode',
  setTrainingFaults: 'set the training faults',
  addOperator: 'add an operator',
  removeOperator: 'remove an operator',
  resetOperator: 'reset an operator’s PIN',
};

export type IpcContract = typeof ipcContract;
export type Channel = keyof IpcContract;
export type RequestOf<C extends Channel> = z.input<IpcContract[C]['request']>;
export type ReplyOf<C extends Channel> = z.output<IpcContract[C]['reply']>;
export const CHANNELS = Object.keys(ipcContract) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(ipcContract, value);
}

/**
 * What main tells the renderer without being asked. Checked like the channels' replies: main checks an
 * event before it sends it, the preload factory again before any listener sees it.
 */
export const ipcEvents = {
  /** The push main is running, as it goes: at its start, on each operation's answer, at its end. */
  syncProgress: syncProgressSchema,
  /** What held the queue in main has changed (the CRM settings were saved): what waited may go now. */
  queueChanged: z.object({ cause: z.enum(['crmSettingsSaved']) }),
} as const;

export type IpcEvents = typeof ipcEvents;
export type EventName = keyof IpcEvents;
export type PayloadOf<E extends EventName> = z.output<IpcEvents[E]>;
export const EVENT_NAMES = Object.keys(ipcEvents) as EventName[];

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(ipcEvents, value);
}

/** What crosses the process boundary: never a thrown error, always this envelope. */
/** FORBIDDEN: this window's operator may not call the channel (see MANAGER_ONLY). */
export const IPC_ERROR_CODES = ['UNKNOWN_CHANNEL', 'BAD_REQUEST', 'BAD_REPLY', 'FAILED', 'FORBIDDEN'] as const;
/** `message` is main's English, for logs and support; the clerk reads `words`, in the chosen language. */
export const ipcErrorSchema = z.object({ code: z.enum(IPC_ERROR_CODES), message: z.string(), words: mainWordsSchema });
export type IpcError = z.infer<typeof ipcErrorSchema>;
export const ipcEnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ipcErrorSchema }),
]);
export type IpcEnvelope = z.infer<typeof ipcEnvelopeSchema>;

/** The single Electron IPC channel every call travels on. */
export const ELECTRON_IPC_CHANNEL = 'token-desk:invoke';
/** The single Electron IPC channel every event travels on (main to renderer). */
export const ELECTRON_EVENT_CHANNEL = 'token-desk:event';
