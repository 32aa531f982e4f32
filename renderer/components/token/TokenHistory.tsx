import { t, useTranslation } from '../../i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../context';
import { tokenHistory } from '../../storage/audit';
import type { AuditRow } from '../../storage/rows';
import { auditOutcomeLabel, formatTime } from '../../labels';
import { historyText } from '../../auditText';

const HISTORY_LIMIT = 50;

/** "Nikos at Counter 2, approved by Maria". */
function auditWho(row: AuditRow): string {
  const who = row.operator && row.terminal ? t('token.history.at', { operator: row.operator, terminal: row.terminal }) : row.operator || row.terminal || '—';
  return row.approvedBy ? t('token.history.approvedBy', { who, manager: row.approvedBy }) : who;
}

/** This token's history at this counter, from the audit log, newest first. */
/** What was done to the token here, newest first; `onPrint` reprints its slip as it is now. */
export function TokenHistory({ localId, onPrint }: { localId: string; onPrint: () => void }) {
  const { db } = useServices();
  const rows = useLiveQuery(() => tokenHistory(db, localId, HISTORY_LIMIT), [db, localId]);
  const { t } = useTranslation();
  return (
    <section aria-labelledby="token-history" className="token-history">
      <div className="screen-head">
        <h3 id="token-history">{t('token.history.title')}</h3>
        <button type="button" onClick={onPrint}>
          {t('token.history.reprint')}
        </button>
      </div>
      {rows === undefined ? <p className="empty">{t('token.history.loading')}</p> : null}
      {rows?.length === 0 ? <p className="empty">{t('token.history.empty')}</p> : null}
      {rows && rows.length > 0 ? (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('token.history.when')}</th>
                <th scope="col">{t('token.history.what')}</th>
                <th scope="col">{t('token.history.outcome')}</th>
                <th scope="col">{t('token.history.who')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>{formatTime(row.at)}</td>
                  <td>{historyText(row)}</td>
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
