/**
 * Every operator intent is one command: it validates against the definition once, seals what must be
 * sealed, writes token + outbox + audit in one transaction, and returns a typed result (a refusal is a
 * LocalChangeError naming its field; nothing is written). Screens and components call these and read
 * queries; none of them writes the database.
 */
export { LocalChangeError } from '../refusals';
export { applyMine, discardChange, fixIdentifier, fixParticipant, fixVerificationCode, keepCrmValue, retryChange, type ManagerPin } from './decisions';
export { importDefinition, parseDefinition, type DefinitionImport } from './definitionImport';
export type { CommandDeps } from './deps';
export { generateValue, handOut, issueNew, type IssueField, type IssueFieldErrors, type IssueDeps, type IssueFields, type IssueOutcome } from './issue';
export { saveCounterSettings, savePrintSettings, saveScannerSettings } from './settings';
export { closeShift } from './shift';
export { editIdentifier, regenerateCode, switchState, verifyToken } from './tokenEdits';
