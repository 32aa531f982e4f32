import type { FieldConflict } from '../shared/ipc/contract';
import type { QueuedOp } from './storage/rows';

/** A queued change as the operator reads it. */
export function describeOp(op: QueuedOp): string {
  switch (op.kind) {
    case 'create':
      return `create ${op.authenticationCode}`;
    case 'setState':
      return `set ${op.target === 'EFFECTIVE' ? 'effective' : 'not effective'}`;
    case 'update':
      return `update ${op.authenticationCode}`;
    case 'verify':
      return `verify ${op.authenticationCode}`;
  }
}

const FIELD_LABELS: Readonly<Record<FieldConflict['field'], string>> = { identifier: 'identifier' };

export const fieldLabel = (conflict: FieldConflict): string => FIELD_LABELS[conflict.field];

/** A conflicting value as the operator reads it. */
export function showValue(conflict: FieldConflict, side: 'crm' | 'mine'): string {
  return conflict[side] ?? 'none';
}

export function describeConflicts(conflicts: readonly FieldConflict[]): string {
  const parts = conflicts.map((c) => `${fieldLabel(c)} is ${showValue(c, 'crm')} in the CRM, yours is ${showValue(c, 'mine')}`);
  return `Changed in the CRM meanwhile: ${parts.join('; ')}.`;
}

/** The conflicting fields, each with one side's value ("identifier CRM00001"). */
export function conflictSummary(conflicts: readonly FieldConflict[], side: 'crm' | 'mine'): string {
  return conflicts.map((c) => `${fieldLabel(c)} ${showValue(c, side)}`).join(', ');
}
