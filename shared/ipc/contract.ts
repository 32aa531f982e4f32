import { z } from 'zod';
import { lifeCycleStateSchema, switchTargetSchema } from '../token/lifeCycle';
import { dialectRecordSchema } from '../crm/dialect';
import { participantSummarySchema, serverTokenSchema } from '../token/serverToken';

/** The one list of IPC channels between renderer and main, each with its request and reply schema. */

const nonBlank = (max: number) => z.string().trim().min(1).max(max);

export const crmUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => value === '' || /^https?:\/\/[^\s/]+/i.test(value), 'CRM URL must start with http:// or https://');

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

/**
 * One queued change, as kept in main's journal: the second copy of unsynced work. Its pass code is
 * sealed, as in the queue. `operation.seq` is the queue's number for it when last written; a change
 * restored into a new queue is journalled again under the same id with its new number.
 */
export const journalEntrySchema = z.object({
  id: nonBlank(100),
  queuedAt: z.number().int().min(0),
  operation: operationSchema,
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
export const SYNC_ERROR_REASONS = ['identifierTaken', 'releaseCannotSwitch', 'unrecognisedCheck', 'verificationRefused'] as const;
export const syncErrorSchema = z.object({ code: z.string(), message: z.string(), reason: z.enum(SYNC_ERROR_REASONS).optional() });
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

/** Every read from the CRM says whether it reached it; on anything but 'ok' the data is empty. */
const reachReply = { crm: crmReachSchema, message: z.string().nullable() };

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
});
export type RendererSyncState = z.infer<typeof rendererSyncStateSchema>;

/** Whether a window's changes are training work: main refuses them when its mode differs, so they never reach the other CRM or journal. */
const trainingFlag = z.boolean().default(false);

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
  exportDiagnostics: {
    request: z.object({ rendererState: rendererSyncStateSchema }).strict(),
    reply: z.object({ path: z.string() }),
  },
  /** Training mode: a simulated CRM in main and a database of its own in the renderer. */
  getTraining: { request: z.object({}).strict(), reply: trainingViewSchema },
  /** Switches training mode; the renderer reloads afterwards to open the other database. */
  setTraining: { request: z.object({ on: z.boolean() }).strict(), reply: trainingViewSchema },
  /** Sets the simulated CRM's fault switches; refused outside training mode. */
  setTrainingFaults: { request: trainingFaultsPatchSchema, reply: trainingViewSchema },
} as const;

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
export const IPC_ERROR_CODES = ['UNKNOWN_CHANNEL', 'BAD_REQUEST', 'BAD_REPLY', 'FAILED'] as const;
export const ipcErrorSchema = z.object({ code: z.enum(IPC_ERROR_CODES), message: z.string() });
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
