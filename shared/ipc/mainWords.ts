import { z } from 'zod';

/**
 * What main says to the clerk, as a stable code and its data: the renderer puts it into words in the
 * clerk's language (renderer/i18n/areas/main.ts). Main's own English text travels beside it for the log.
 * Text inside (a name, the printer's or the CRM's own reason, a detail of an unexpected fault) is data.
 */

/** The tasks main keeps for a manager: the channels of MANAGER_ONLY (contract.ts). */
export const MANAGER_TASKS = [
  'saveSettings',
  'confirmCrmMove',
  'testConnection',
  'importUnsyncedWork',
  'setTraining',
  'setTrainingFaults',
  'addOperator',
  'removeOperator',
  'resetOperator',
] as const;
export type ManagerTask = (typeof MANAGER_TASKS)[number];
export const isManagerTask = (channel: string): channel is ManagerTask => (MANAGER_TASKS as readonly string[]).includes(channel);

/** What a clerk may do with a manager's PIN given on the spot (the contract's `authorize`). */
export const APPROVALS = ['discardChange', 'importDefinition', 'counterSettings'] as const;
export const approvalSchema = z.enum(APPROVALS);
export type Approval = z.infer<typeof approvalSchema>;

const text = z.string().max(2000);
const name = z.string().max(200);
const count = z.number().int().min(0).max(1_000_000);

const word = <C extends string, S extends z.ZodRawShape = Record<never, never>>(code: C, shape?: S) =>
  z.object({ code: z.literal(code), ...(shape ?? ({} as S)) }).strict();

export const mainWordsSchema = z.discriminatedUnion('code', [
  word('failed', { detail: text }),
  word('notTheWindow'),
  word('badCall', { channel: name }),
  word('operatorsExist'),
  word('onlyManager', { name }),
  word('operatorGone'),
  word('badgeUnknown'),
  word('badgeTaken'),
  word('nameTaken', { name }),
  word('operatorsDamaged', { path: text }),
  word('operatorLocked', { name, failures: count, minutes: count }),
  word('wrongPin', { name, count, minutes: count }),
  word('wrongPinLocked', { name, minutes: count }),
  word('notSignedIn'),
  word('screenLocked'),
  word('signedInRemoved'),
  word('managerOnly', { task: z.enum(MANAGER_TASKS) }),
  word('needsApproval', { action: approvalSchema }),
  word('notAManager', { name }),
  word('printerSaid', { reason: text }),
  word('printerNoReason'),
  word('printWindowGone'),
  word('printerGone', { printer: name }),
  word('trainingOff'),
  word('trainingOn'),
  word('trainingPassCode'),
  word('trainingSwitched'),
  word('cannotRebuild'),
  word('notUnsyncedWork'),
  word('plainHttpRefused'),
  word('plainHttpHeld'),
  word('settingsDamaged', { detail: text }),
  word('secretUnusable', { detail: text }),
  word('passCodeHeld', { from: text, to: text }),
  word('crmRefused', { reason: text }),
  word('crmUnreached', { detail: text }),
  word('noCrm'),
  word('simulatorUnreached', { detail: text }),
  word('crmChangedMeanwhile'),
  word('waitsForEarlier'),
  word('unsendable', { detail: text }),
]);
export type MainWords = z.infer<typeof mainWordsSchema>;
export type MainWordsCode = MainWords['code'];
export type MainWordsOf<C extends MainWordsCode> = Extract<MainWords, { code: C }>;
