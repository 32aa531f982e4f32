import { recordT, t } from './i18n';
import type { OperatorShift, ShiftCounts, ShiftSummary } from './storage/shiftSummary';

/** The summary's columns, in order, as the screen, the printout and the CSV name them. */
export const SHIFT_COUNTS: ReadonlyArray<keyof ShiftCounts> = ['issued', 'handedOut', 'switched', 'edited', 'stillPending', 'needingAttention'];

export const countLabel = (field: keyof ShiftCounts): string => t(`shift.counts.${field}`);

export const counterTotal = (): string => t('shift.counterTotal');

/** Rows written before operators signed in name nobody. */
export const operatorName = (entry: OperatorShift): string => entry.operator ?? t('shift.noOperator');

function countsText(counts: ShiftCounts): string {
  return SHIFT_COUNTS.map((field) => recordT('shift.detailCount', { label: recordT(`shift.counts.${field}`).toLowerCase(), count: counts[field] })).join(', ');
}

/** What the shift-closed audit row says (a record, so in English): the counter's numbers, then each operator's. */
export function shiftClosedDetail(summary: ShiftSummary): string {
  const lines = [
    recordT('shift.detailLine', { who: recordT('shift.counterTotal'), counts: countsText(summary.counter) }),
    ...summary.operators.map((entry) => recordT('shift.detailLine', { who: entry.operator ?? recordT('shift.noOperator'), counts: countsText(entry.counts) })),
  ];
  return recordT('shift.closedDetail', { lines: lines.join(' ') });
}
