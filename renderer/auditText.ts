import { recordT, t, type Translate } from './i18n';
import { conflictSummary, describeConflicts, describeOp } from './changeText';
import { syncErrorText } from './errors';
import type { AuditReason, AuditWhat } from './storage/auditWhat';
import type { AuditRow } from './storage/rows';
import type { ShiftCounts } from './storage/shiftSummary';
import { SHIFT_COUNTS } from './shiftText';

interface Wording {
  tr: Translate;
  /** A refusal's reason: main's words for the clerk, its English message for the record. */
  reason: (reason: AuditReason) => string;
}

function countsText(counts: ShiftCounts, tr: Translate): string {
  return SHIFT_COUNTS.map((field) => tr('history.shiftClosed.count', { label: tr(`shift.counts.${field}`).toLowerCase(), count: counts[field] })).join(', ');
}

function shiftClosedText(what: Extract<AuditWhat, { kind: 'shiftClosed' }>, tr: Translate): string {
  const lines = [
    tr('history.shiftClosed.line', { who: tr('shift.counterTotal'), counts: countsText(what.counter, tr) }),
    ...what.operators.map((entry) => tr('history.shiftClosed.line', { who: entry.operator ?? tr('shift.noOperator'), counts: countsText(entry.counts, tr) })),
  ];
  return tr('history.shiftClosed.text', { lines: lines.join(' ') });
}

function discardText(what: Extract<AuditWhat, { kind: 'discard' }>, { tr, reason }: Wording): string {
  const words = { change: describeOp(what.change, tr), reason: what.reason ? reason(what.reason) : tr('history.refusedByCrm'), count: what.later };
  if (what.created) return tr('history.discard.removed', words);
  return tr(what.later > 0 ? 'history.discard.later' : 'history.discard.plain', words);
}

function word(what: AuditWhat, wording: Wording): string {
  const { tr } = wording;
  const none = (value: string | null) => value ?? tr('history.none');
  switch (what.kind) {
    case 'issue':
      return tr(what.identifier === null ? 'history.issue.plain' : 'history.issue.withIdentifier', what);
    case 'setState':
      return tr(`history.setState.${what.target}`);
    case 'verify':
    case 'fixVerification':
      return tr(`history.${what.kind}`);
    case 'identifier':
      return tr('history.identifier', { from: none(what.from), to: what.to });
    case 'passCode':
    case 'authenticationCode':
    case 'handOut':
      return tr(`history.${what.kind}`, what);
    case 'synced':
    case 'adopted':
    case 'restore':
      return tr(`history.${what.kind}`, { change: describeOp(what.change, tr) });
    case 'parked':
      return tr('history.parked', { change: describeOp(what.change, tr), reason: wording.reason(what.reason) });
    case 'conflict':
      return tr('history.conflict', { change: describeOp(what.change, tr), conflicts: describeConflicts(what.conflicts, tr) });
    case 'keepCrmValue':
      return tr('history.keepCrmValue', { values: conflictSummary(what.conflicts, 'crm', tr) });
    case 'applyMine':
      return tr('history.applyMine', { values: conflictSummary(what.conflicts, 'mine', tr) });
    case 'fixIdentifier':
      return tr(`history.fixIdentifier.${what.create ? 'create' : 'change'}`, { from: none(what.from), to: what.to, code: what.code });
    case 'fixParticipant':
      return tr('history.fixParticipant', { from: none(what.from), to: none(what.to), code: what.code });
    case 'retry':
      return tr('history.retry', { reason: what.reason ? wording.reason(what.reason) : tr('history.refused') });
    case 'discard':
      return discardText(what, wording);
    case 'shiftClosed':
      return shiftClosedText(what, tr);
  }
}

/** What an audit row records, in the clerk's language (main's words for a refusal's reason). */
export const auditText = (what: AuditWhat): string => word(what, { tr: t, reason: syncErrorText });

/** The same in English, with the refusal's own message: the row's `detail`, for support and the CSV. */
export const auditRecord = (what: AuditWhat): string => word(what, { tr: recordT, reason: (reason) => reason.message });

/** A history row's "What": rows written before `what` existed show the English they stored. */
export const historyText = (row: AuditRow): string => (row.what ? auditText(row.what) : row.detail);
