import { useId } from 'react';
import { formatNumber, formatTime, useTranslation } from '../../i18n';
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
  /** When it was taken (epoch ms). */
  until: number;
  terminal: string;
  printedBy: string | null;
}

/**
 * The end-of-shift summary laid out as a slip: one narrow column that prints alone at slip width (the
 * print stylesheet's `.shift-slip` rules), the whole counter first, then each operator.
 */
export function ShiftSlip({ summary, until, terminal, printedBy }: ShiftSlipProps) {
  const { t } = useTranslation();
  const since = summary.since === null ? t('shift.slip.firstShift') : t('shift.slip.since', { when: formatTime(summary.since) });
  return (
    <article className="shift-slip" aria-labelledby="shift-slip-title">
      <h3 id="shift-slip-title">{t('shift.slip.title')}</h3>
      <p>{since}</p>
      <p>{t('shift.slip.until', { when: formatTime(until) })}</p>
      {terminal === '' ? null : <p>{t('shift.slip.counter', { name: terminal })}</p>}
      {printedBy === null ? null : <p>{t('shift.slip.takenBy', { name: printedBy })}</p>}
      <CountsBlock title={counterTotal()} counts={summary.counter} />
      {summary.operators.map((entry) => (
        <CountsBlock key={entry.operatorId ?? ''} title={operatorName(entry)} counts={entry.counts} />
      ))}
    </article>
  );
}
