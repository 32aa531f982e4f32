import { csvLine } from './auditExport';
import { t } from './i18n';
import { counterTotal, countLabel, operatorName, SHIFT_COUNTS } from './shiftText';
import type { ShiftCounts, ShiftSummary } from './storage/shiftSummary';

const columns = () => [t('shift.csv.since'), t('shift.csv.until'), t('shift.csv.operator'), t('shift.csv.operatorId'), ...SHIFT_COUNTS.map(countLabel)];

/** The end-of-shift summary as CSV: one line per operator, then the whole counter. */
export function shiftCsv(summary: ShiftSummary): string[] {
  const since = summary.since === null ? '' : new Date(summary.since).toISOString();
  const line = (who: string, id: string, counts: ShiftCounts) =>
    csvLine([since, new Date(summary.until).toISOString(), who, id, ...SHIFT_COUNTS.map((field) => String(counts[field]))]);
  return [
    csvLine(columns()),
    ...summary.operators.map((entry) => line(operatorName(entry), entry.operatorId ?? '', entry.counts)),
    line(counterTotal(), '', summary.counter),
  ];
}
