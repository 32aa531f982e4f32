import type { Approval, MainWordsCode, ManagerTask } from '../../../shared/ipc/mainWords';

type Nested = 'managerOnly' | 'needsApproval';
type Plural = 'wrongPin';

/** One text per code main can send (shared/ipc/mainWords.ts): a code without its words is a compile error. */
type MainCatalog = { readonly [C in Exclude<MainWordsCode, Nested | Plural>]: string } & {
  readonly [C in `${Plural}_one` | `${Plural}_other`]: string;
} & {
  readonly managerOnly: Readonly<Record<ManagerTask, string>>;
  readonly needsApproval: Readonly<Record<Approval, string>>;
};

/** What main says to the clerk (refusals, failures), from its code and data; `{{minutes}}` comes formatted. */
export const main = {
  failed: 'Token Desk could not do this: {{detail}}',
  notTheWindow: 'This request did not come from the Token Desk window, so it was refused.',
  badCall: 'Token Desk could not carry out “{{channel}}”. Restart Token Desk; if it happens again, export the diagnostics for support.',
  operatorsExist: 'This counter already has operators: sign in as one of them.',
  onlyManager: '{{name}} is the only manager and cannot be removed. Add another manager first.',
  operatorGone: 'This operator no longer exists. Choose another.',
  badgeUnknown: 'This badge belongs to no operator of this counter.',
  badgeTaken: 'This badge already belongs to another operator.',
  nameTaken: 'There is already an operator called {{name}}. Choose another name.',
  operatorsDamaged: 'The operators file {{path}} is damaged, so nobody can sign in. Restore it from a backup, or delete it to create the first manager again.',
  operatorLocked: '{{name}} is locked after {{failures}} wrong PINs. Try again in {{minutes}}, or ask a manager to reset the PIN.',
  wrongPin_one: 'Wrong PIN. {{count}} more try before {{name}} is locked for {{minutes}}.',
  wrongPin_other: 'Wrong PIN. {{count}} more tries before {{name}} is locked for {{minutes}}.',
  wrongPinLocked: 'Wrong PIN. {{name}} is now locked for {{minutes}}, or until a manager resets the PIN.',
  notSignedIn: 'Nobody is signed in at this window. Sign in first.',
  screenLocked: 'The screen is locked. Sign in again first.',
  signedInRemoved: 'The signed-in operator was removed. Sign in again.',
  managerOnly: {
    saveSettings: 'Only a manager can change the CRM settings. Ask a manager to sign in, or to approve it.',
    confirmCrmMove: 'Only a manager can confirm a move of the CRM. Ask a manager to sign in, or to approve it.',
    testConnection: 'Only a manager can test the CRM sign-in. Ask a manager to sign in, or to approve it.',
    importUnsyncedWork: 'Only a manager can import unsynced work. Ask a manager to sign in, or to approve it.',
    setTraining: 'Only a manager can switch training mode. Ask a manager to sign in, or to approve it.',
    setTrainingFaults: 'Only a manager can set the training faults. Ask a manager to sign in, or to approve it.',
    addOperator: 'Only a manager can add an operator. Ask a manager to sign in, or to approve it.',
    removeOperator: 'Only a manager can remove an operator. Ask a manager to sign in, or to approve it.',
    resetOperator: 'Only a manager can reset an operator’s PIN. Ask a manager to sign in, or to approve it.',
  },
  needsApproval: {
    discardChange: 'Only a manager can discard a refused change. Ask a manager to approve it with their PIN.',
    importDefinition: 'Only a manager can import an access token definition. Ask a manager to approve it with their PIN.',
    counterSettings: 'Only a manager can change this counter’s settings. Ask a manager to approve it with their PIN.',
  },
  notAManager: '{{name}} is not a manager, so cannot approve this.',
  printerSaid: 'The printer said: {{reason}}.',
  printerNoReason: 'The printer gave no reason.',
  printWindowGone: 'The window to print from is gone.',
  printerGone: 'The printer “{{printer}}” is not connected to this computer. Check it, or choose another printer in Settings.',
  trainingOff: 'Training mode is off: switch it on in Settings first.',
  trainingOn: 'Training mode is on: this is done with real work only; leave training mode first (Settings).',
  trainingPassCode: 'This pass code was not entered in this training session.',
  trainingSwitched: 'Training mode was switched in another window or just now; this window reloads before it sends anything.',
  cannotRebuild: 'This window cannot rebuild its database here; restart Token Desk.',
  notUnsyncedWork: 'This is not a file of unsynced work exported by Token Desk (or it is damaged); nothing was imported.',
  plainHttpRefused:
    'The CRM URL must start with https:// (plain http:// is only for this computer). To use an unencrypted CRM anyway, tick “Allow an unencrypted CRM”.',
  plainHttpHeld: 'The CRM URL uses plain http://; use https://, or allow an unencrypted CRM in Settings.',
  settingsDamaged: 'The CRM settings file is damaged; save the settings again. (Details: {{detail}})',
  secretUnusable: 'A sealed secret cannot be used on this computer; enter it again. (Details: {{detail}})',
  passCodeHeld: 'This pass code was entered for {{from}}, and the CRM is now {{to}}. It waits until you confirm the move in Settings.',
  crmRefused: 'The CRM refused this: {{reason}}',
  crmUnreached: 'The CRM could not be reached: {{detail}}',
  noCrm: 'No CRM is configured; changes stay queued.',
  simulatorUnreached: 'The simulated CRM cannot be reached to change the token: {{detail}}',
  crmChangedMeanwhile: 'The CRM changed a token meanwhile; choose which value stays.',
  waitsForEarlier: 'Waits for an earlier change of this token, which needs attention first.',
  unsendable: 'This change cannot be sent: it breaks a rule of the contract with main ({{detail}}). Discard it, or export the diagnostics for support.',
} satisfies MainCatalog;
