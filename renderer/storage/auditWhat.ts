import type { FieldConflict, SyncError } from '../../shared/ipc/contract';
import type { SwitchTarget } from '../../shared/token/lifeCycle';
import type { QueuedOp } from './rows';
import type { OperatorShift, ShiftCounts } from './shiftSummary';

/** A queued change as its audit rows name it: never its sealed pass or verification code. */
export type AuditChange =
  | { kind: 'create' | 'update' | 'verify'; authenticationCode: string }
  | { kind: 'setState'; authenticationCode: string; target: SwitchTarget };

/** Why the CRM or main refused: `message` is the record, `words` what the clerk reads (absent on errors that had none). */
export type AuditReason = Pick<SyncError, 'message' | 'words'>;

/**
 * What an audit row records, as data: the renderer words it in the clerk's language (renderer/auditText.ts),
 * while the row's `detail` keeps it in English for support and the CSV.
 */
export type AuditWhat =
  | { kind: 'issue'; code: string; identifier: string | null }
  | { kind: 'setState'; target: SwitchTarget }
  | { kind: 'verify' }
  | { kind: 'identifier'; from: string | null; to: string }
  | { kind: 'passCode'; identifier: string }
  | { kind: 'authenticationCode'; from: string; to: string }
  | { kind: 'handOut'; code: string }
  | { kind: 'synced'; change: AuditChange }
  | { kind: 'adopted'; change: AuditChange }
  | { kind: 'restore'; change: AuditChange }
  | { kind: 'parked'; change: AuditChange; reason: AuditReason }
  | { kind: 'conflict'; change: AuditChange; conflicts: FieldConflict[] }
  | { kind: 'keepCrmValue'; conflicts: FieldConflict[] }
  | { kind: 'applyMine'; conflicts: FieldConflict[] }
  | { kind: 'fixIdentifier'; from: string | null; to: string; create: boolean; code: string }
  | { kind: 'fixParticipant'; from: string | null; to: string | null; code: string }
  | { kind: 'fixVerification' }
  | { kind: 'retry'; reason: AuditReason | null }
  | { kind: 'discard'; change: AuditChange; reason: AuditReason | null; created: boolean; later: number }
  | { kind: 'shiftClosed'; counter: ShiftCounts; operators: OperatorShift[] };

export type AuditKind = AuditWhat['kind'];

export function changeOf(op: QueuedOp): AuditChange {
  if (op.kind === 'setState') return { kind: op.kind, authenticationCode: op.authenticationCode, target: op.target };
  return { kind: op.kind, authenticationCode: op.authenticationCode };
}

export function reasonOf(error: SyncError): AuditReason;
export function reasonOf(error: SyncError | null): AuditReason | null;
export function reasonOf(error: SyncError | null): AuditReason | null {
  return error ? { message: error.message, ...(error.words ? { words: error.words } : {}) } : null;
}
