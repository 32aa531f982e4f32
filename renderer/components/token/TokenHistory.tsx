import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../context';
import { tokenHistory } from '../../storage/audit';
import type { AuditRow } from '../../storage/rows';
import { auditOutcomeLabel, formatTime } from '../../labels';

const HISTORY_LIMIT = 50;

/** "Nikos at Counter 2, approved by Maria". */
function auditWho(row: AuditRow): string {
  const who = [row.operator, row.terminal].filter(Boolean).join(' at ') || '—';
  return row.approvedBy ? `${who}, approved by ${row.approvedBy}` : who;
}

/** This token's history at this counter, from the audit log, newest first. */
/** What was done to the token here, newest first; `onPrint` reprints its slip as it is now. */
export function TokenHistory({ localId, onPrint }: { localId: string; onPrint: () => void }) {
  const { db } = useServices();
  const rows = useLiveQuery(() => tokenHistory(db, localId, HISTORY_LIMIT), [db, localId]);
  return (
    <section aria-labelledby="token-history" className="token-history">
      <div className="screen-head">
        <h3 id="token-history">History at this counter</h3>
        <button type="button" onClick={onPrint}>
          Reprint slip
        </button>
      </div>
      {rows === undefined ? <p className="empty">Loading history…</p> : null}
      {rows?.length === 0 ? <p className="empty">Nothing was done to this token at this counter yet.</p> : null}
      {rows && rows.length > 0 ? (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">Outcome</th>
                <th scope="col">Who</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>{formatTime(row.at)}</td>
                  <td>{row.detail}</td>
                  <td>{auditOutcomeLabel(row.outcome)}</td>
                  <td>{auditWho(row)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
