import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { RowFix } from '../components/RowFix';
import { Details } from '../components/Details';
import { useDecisionNotice } from '../components/DecisionNotice';
import type { OnDecided } from '../components/RowActions';
import { useClock } from '../components/useClock';
import { useAppStore, useServices } from '../context';
import { describeOp } from '../changeText';
import { attentionEntries, isWaiting, queueEntries, queueSize, type QueueEntry } from '../outbox';
import { formatAge, formatTime } from '../labels';
import { Screen } from '../components/Screen';
import { forDisplay } from '../../shared/text/displayText';

const ATTENTION_LIMIT = 100;
const QUEUE_PAGE = 100;
const TICK_MS = 15_000;

/** Opens the token a row concerns; the code is the link text. */
function TokenLink({ entry }: { entry: QueueEntry }) {
  const openToken = useAppStore('ui', (state) => state.openToken);
  if (!entry.token) return <span className="muted">token removed</span>;
  const { token } = entry;
  return (
    <button type="button" className="link-button code" onClick={() => openToken(token.localId)}>
      {token.authenticationCode}
    </button>
  );
}

function rowState(entry: QueueEntry, now: number): string {
  const { row } = entry;
  if (row.status === 'conflict') return 'Conflict';
  if (isWaiting(row)) return 'Waits for an earlier change';
  if (row.status === 'parked') return 'Needs attention';
  if (row.nextTryAt > now) return `Retry in ${formatAge(row.nextTryAt - now)}`;
  return row.attempts > 0 ? 'Pending (sent before, outcome unknown or failed)' : 'Pending';
}

export function PendingScreen() {
  return (
    <Screen title="Pending & attention" wide>
      <Attention />
      <Queue />
    </Screen>
  );
}

/** What waits for the operator: each refused change with the CRM's reason and its fix, each conflict side by side. */
function Attention() {
  const { db } = useServices();
  const entries = useLiveQuery(() => attentionEntries(db, ATTENTION_LIMIT), [db]);
  const { notice, onDecided } = useDecisionNotice();
  return (
    <section aria-labelledby="attention-title" className="attention">
      <h3 id="attention-title">{`Needs attention${entries && entries.length > 0 ? ` (${entries.length})` : ''}`}</h3>
      {notice}
      {entries === undefined ? <p className="empty">Loading…</p> : null}
      {entries?.length === 0 ? (
        <p className="empty">Nothing needs attention. A change the CRM refuses, or one that meets a change made elsewhere, shows up here with what to do.</p>
      ) : null}
      {entries && entries.length > 0 ? (
        <ul className="attention-list">
          {entries.map((entry) => (
            <li key={entry.row.seq}>
              <AttentionCard entry={entry} onDecided={onDecided} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function AttentionCard({ entry, onDecided }: { entry: QueueEntry; onDecided: OnDecided }) {
  const { row, token } = entry;
  const headingId = `attention-${row.seq}`;
  return (
    <article aria-labelledby={headingId} className={`attention-card attention-${row.status}`}>
      <h4 id={headingId}>
        {`${row.status === 'conflict' ? 'Conflict' : 'Refused'}: ${describeOp(row.op)}`}
        {token?.identifier ? <span className="muted">{` · identifier ${forDisplay(token.identifier)}`}</span> : null}
      </h4>
      {row.status === 'conflict' ? null : (
        <>
          <p className="reason">{row.lastError?.message ?? 'The CRM gave no reason.'}</p>
          <Details text={row.lastError?.code ?? null} />
        </>
      )}
      <p className="muted">
        Token <TokenLink entry={entry} /> · queued {formatTime(row.createdAt)} · {row.attempts} {row.attempts === 1 ? 'attempt' : 'attempts'}
      </p>
      <RowFix row={row} onDecided={onDecided} />
    </article>
  );
}

/** The outbox in the order it is sent, a page at a time. */
function Queue() {
  const { db } = useServices();
  const clock = useClock(TICK_MS);
  const [limit, setLimit] = useState(QUEUE_PAGE);
  const entries = useLiveQuery(() => queueEntries(db, limit), [db, limit]);
  const total = useLiveQuery(() => queueSize(db), [db]);
  return (
    <section aria-labelledby="queue-title" className="queue">
      <h3 id="queue-title">{`Queue${total === undefined ? '' : ` (${total})`}`}</h3>
      {entries === undefined ? <p className="empty">Loading the queue…</p> : null}
      {entries?.length === 0 ? <p className="empty">The queue is empty: every change made at this counter has reached the CRM.</p> : null}
      {entries && entries.length > 0 ? (
        <div className="table-scroll">
          <table className="queue-table">
            <caption className="sr-only">Queued changes, in the order they are sent</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Token</th>
                <th scope="col">Change</th>
                <th scope="col">Status</th>
                <th scope="col">Queued</th>
                <th scope="col">Tries</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.row.seq}>
                  <td>{entry.row.seq}</td>
                  <td>
                    <TokenLink entry={entry} />
                  </td>
                  <td>{describeOp(entry.row.op)}</td>
                  <td>{rowState(entry, clock)}</td>
                  <td>{`${formatAge(Math.max(0, clock - entry.row.createdAt))} ago`}</td>
                  <td>{entry.row.attempts}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {entries && total !== undefined && total > entries.length ? (
        <button type="button" onClick={() => setLimit(limit + QUEUE_PAGE)}>
          {`Show more (${total - entries.length} not shown)`}
        </button>
      ) : null}
    </section>
  );
}
