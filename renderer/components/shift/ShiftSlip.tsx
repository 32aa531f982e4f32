import { useId } from 'react';
import { formatTime } from '../../labels';
import { COUNTER_TOTAL, operatorName, SHIFT_COUNT_LABELS } from '../../shiftText';
import type { ShiftCounts, ShiftSummary } from '../../storage/shiftSummary';

/** One person's (or the counter's) numbers, named by its heading. */
function CountsBlock({ title, counts }: { title: string; counts: ShiftCounts }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="shift-counts">
      <h4 id={id}>{title}</h4>
      <dl>
        {SHIFT_COUNT_LABELS.map(([field, label]) => (
          <div key={field}>
            <dt>{label}</dt>
            <dd>{counts[field]}</dd>
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
  const since = summary.since === null ? 'This counter has not closed a shift before.' : `Since ${formatTime(summary.since)}`;
  return (
    <article className="shift-slip" aria-labelledby="shift-slip-title">
      <h3 id="shift-slip-title">End-of-shift summary</h3>
      <p>{since}</p>
      <p>{`Until ${formatTime(until)}`}</p>
      {terminal === '' ? null : <p>{`Counter: ${terminal}`}</p>}
      {printedBy === null ? null : <p>{`Taken by ${printedBy}`}</p>}
      <CountsBlock title={COUNTER_TOTAL} counts={summary.counter} />
      {summary.operators.map((entry) => (
        <CountsBlock key={entry.operatorId ?? ''} title={operatorName(entry)} counts={entry.counts} />
      ))}
    </article>
  );
}
