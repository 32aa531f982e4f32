import type { OperatorShift, ShiftCounts, ShiftSummary } from './storage/shiftSummary';

/** The summary's columns, in order, as the screen, the printout and the CSV name them. */
export const SHIFT_COUNT_LABELS: ReadonlyArray<readonly [keyof ShiftCounts, string]> = [
  ['issued', 'Issued'],
  ['handedOut', 'Handed out'],
  ['switched', 'Switched'],
  ['edited', 'Edited'],
  ['stillPending', 'Still pending'],
  ['needingAttention', 'Needing attention'],
];

export const COUNTER_TOTAL = 'Whole counter';
/** Rows written before operators signed in name nobody. */
export const NO_OPERATOR = 'No operator recorded';

export const operatorName = (entry: OperatorShift): string => entry.operator ?? NO_OPERATOR;

function countsText(counts: ShiftCounts): string {
  return SHIFT_COUNT_LABELS.map(([field, label]) => `${label.toLowerCase()} ${counts[field]}`).join(', ');
}

/** What the shift-closed audit row says: the counter's numbers, then each operator's. */
export function shiftClosedDetail(summary: ShiftSummary): string {
  const lines = [`${COUNTER_TOTAL}: ${countsText(summary.counter)}.`, ...summary.operators.map((entry) => `${operatorName(entry)}: ${countsText(entry.counts)}.`)];
  return `Shift closed. ${lines.join(' ')}`;
}
