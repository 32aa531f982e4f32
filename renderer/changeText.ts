import type { FieldConflict } from '../shared/ipc/contract';
import { t, type Translate } from './i18n';
import type { AuditChange } from './storage/auditWhat';

/** A queued change (or its audit rows' copy) as the operator reads it. */
export function describeOp(op: AuditChange, tr: Translate = t): string {
  switch (op.kind) {
    case 'create':
      return tr('pending.op.create', { code: op.authenticationCode });
    case 'setState':
      return tr(op.target === 'EFFECTIVE' ? 'pending.op.setEffective' : 'pending.op.setNotEffective');
    case 'update':
      return tr('pending.op.update', { code: op.authenticationCode });
    case 'verify':
      return tr('pending.op.verify', { code: op.authenticationCode });
  }
}

export const fieldLabel = (conflict: FieldConflict, tr: Translate = t): string => tr(`pending.field.${conflict.field}`);

/** A conflicting value as the operator reads it. */
export function showValue(conflict: FieldConflict, side: 'crm' | 'mine', tr: Translate = t): string {
  return conflict[side] ?? tr('pending.noValue');
}

export function describeConflicts(conflicts: readonly FieldConflict[], tr: Translate = t): string {
  const parts = conflicts.map((c) => tr('pending.conflictPart', { field: fieldLabel(c, tr), crm: showValue(c, 'crm', tr), mine: showValue(c, 'mine', tr) }));
  return tr('pending.conflicts', { parts: parts.join('; ') });
}

/** The conflicting fields, each with one side's value ("identifier CRM00001"). */
export function conflictSummary(conflicts: readonly FieldConflict[], side: 'crm' | 'mine', tr: Translate = t): string {
  return conflicts.map((c) => `${fieldLabel(c, tr)} ${showValue(c, side, tr)}`).join(', ');
}
