import { useId, useRef } from 'react';
import { formatNumber, formatTime, useTranslation } from '../../i18n';
import { useSlipPage } from '../../printing/useSlipPage';
import type { PrintSettings } from '../../storage/meta';
import { counterTotal, countLabel, operatorName, SHIFT_COUNTS } from '../../shiftText';
import type { ShiftCounts, ShiftSummary } from '../../storage/shiftSummary';

/** One person's (or the counter's) numbers, named by its heading. */
function CountsBlock({ title, counts }: { title: string; counts: ShiftCounts }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="shift-counts">
      <h4 id={id}>{title}</h4>
      <dl>
        {SHIFT_COUNTS.map((field) => (
          <div key={field}>
            <dt>{countLabel(field)}</dt>
            <dd>{formatNumber(counts[field])}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

interface ShiftSlipProps {
  summary: ShiftSummary;
  /** The slips' paper and words, as Settings hold them. */
  printing: PrintSettings;
  terminal: string;
  printedBy: string | null;
}

/**
 * The end-of-shift summary laid out like a slip, for the paper chosen in Settings (on a roll, one column
 * as wide as the paper), and printed alone like one: the whole counter first, then each operator.
 */
export function ShiftSlip({ summary, printing, terminal, printedBy }: ShiftSlipProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  useSlipPage(ref, printing);
  const since = summary.since === null ? t('shift.slip.firstShift') : t('shift.slip.since', { when: formatTime(summary.since) });
  return (
    <article ref={ref} className={`shift-slip print-page paper-${printing.paper}`} aria-labelledby="shift-slip-title">
      <h3 id="shift-slip-title">{t('shift.slip.title')}</h3>
      <p>{since}</p>
      <p>{t('shift.slip.until', { when: formatTime(summary.until) })}</p>
      {terminal === '' ? null : <p>{t('shift.slip.counter', { name: terminal })}</p>}
      {printedBy === null ? null : <p>{t('shift.slip.takenBy', { name: printedBy })}</p>}
      <CountsBlock title={counterTotal()} counts={summary.counter} />
      {summary.operators.map((entry) => (
        <CountsBlock key={entry.operatorId ?? ''} title={operatorName(entry)} counts={entry.counts} />
      ))}
    </article>
  );
}
