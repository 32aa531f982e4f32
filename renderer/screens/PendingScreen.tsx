import { t, useTranslation } from '../i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { RowFix } from '../components/RowFix';
import { Details } from '../components/Details';
import { useDecisionNotice } from '../components/DecisionNotice';
import type { OnDecided } from '../components/RowActions';
import { useClock } from '../components/useClock';
import { useAppStore, useServices } from '../context';
import { syncErrorText } from '../errors';
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
  const { t } = useTranslation();
  if (!entry.token) return <span className="muted">{t('pending.tokenRemoved')}</span>;
  const { token } = entry;
  return (
    <button type="button" className="link-button code" onClick={() => openToken(token.localId)}>
      {token.authenticationCode}
    </button>
  );
}

function rowState(entry: QueueEntry, now: number): string {
  const { row } = entry;
  if (row.status === 'conflict') return t('pending.state.conflict');
  if (isWaiting(row)) return t('pending.state.waits');
  if (row.status === 'parked') return t('pending.state.attention');
  if (row.nextTryAt > now) return t('pending.state.retryIn', { age: formatAge(row.nextTryAt - now) });
  return row.attempts > 0 ? t('pending.state.sentBefore') : t('pending.state.pending');
}

export function PendingScreen() {
  const { t } = useTranslation();
  return (
    <Screen title={t('pending.title')} wide>
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
  const { t } = useTranslation();
  return (
    <section aria-labelledby="attention-title" className="attention">
      <h3 id="attention-title">{entries && entries.length > 0 ? t('pending.attentionCount', { count: entries.length }) : t('pending.attention')}</h3>
      {notice}
      {entries === undefined ? <p className="empty">{t('shell.loading')}</p> : null}
      {entries?.length === 0 ? <p className="empty">{t('pending.nothing')}</p> : null}
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
  const { t } = useTranslation();
  return (
    <article aria-labelledby={headingId} className={`attention-card attention-${row.status}`}>
      <h4 id={headingId}>
        {t(row.status === 'conflict' ? 'pending.conflictTitle' : 'pending.refusedTitle', { change: describeOp(row.op) })}
        {token?.identifier ? <span className="muted">{t('pending.identifierNote', { identifier: forDisplay(token.identifier) })}</span> : null}
      </h4>
      {row.status === 'conflict' ? null : (
        <>
          <p className="reason">{row.lastError ? syncErrorText(row.lastError) : t('pending.noReason')}</p>
          <Details text={row.lastError?.code ?? null} />
        </>
      )}
      <p className="muted">
        {t('pending.tokenLabel')} <TokenLink entry={entry} /> {t('pending.queuedAt', { when: formatTime(row.createdAt), count: row.attempts })}
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
  const { t } = useTranslation();
  return (
    <section aria-labelledby="queue-title" className="queue">
      <h3 id="queue-title">{total === undefined ? t('pending.queue') : t('pending.queueCount', { count: total })}</h3>
      {entries === undefined ? <p className="empty">{t('pending.loadingQueue')}</p> : null}
      {entries?.length === 0 ? <p className="empty">{t('pending.queueEmpty')}</p> : null}
      {entries && entries.length > 0 ? (
        <div className="table-scroll">
          <table className="queue-table">
            <caption className="sr-only">{t('pending.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('pending.col.token')}</th>
                <th scope="col">{t('pending.col.change')}</th>
                <th scope="col">{t('pending.col.status')}</th>
                <th scope="col">{t('pending.col.queued')}</th>
                <th scope="col">{t('pending.col.tries')}</th>
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
                  <td>{t('shell.time.ago', { age: formatAge(Math.max(0, clock - entry.row.createdAt)) })}</td>
                  <td>{entry.row.attempts}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {entries && total !== undefined && total > entries.length ? (
        <button type="button" onClick={() => setLimit(limit + QUEUE_PAGE)}>
          {t('pending.showMore', { count: total - entries.length })}
        </button>
      ) : null}
    </section>
  );
}
