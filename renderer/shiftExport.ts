import { csvLine } from './auditExport';
import { COUNTER_TOTAL, operatorName, SHIFT_COUNT_LABELS } from './shiftText';
import type { ShiftCounts, ShiftSummary } from './storage/shiftSummary';

const COLUMNS = ['Since', 'Until', 'Operator', 'Operator ID', ...SHIFT_COUNT_LABELS.map(([, label]) => label)];

/** The end-of-shift summary as CSV: one line per operator, then the whole counter; `until` is when it was taken. */
export function shiftCsv(summary: ShiftSummary, until: number): string[] {
  const since = summary.since === null ? '' : new Date(summary.since).toISOString();
  const line = (who: string, id: string, counts: ShiftCounts) =>
    csvLine([since, new Date(until).toISOString(), who, id, ...SHIFT_COUNT_LABELS.map(([field]) => String(counts[field]))]);
  return [
    csvLine(COLUMNS),
    ...summary.operators.map((entry) => line(operatorName(entry), entry.operatorId ?? '', entry.counts)),
    line(COUNTER_TOTAL, '', summary.counter),
  ];
}
