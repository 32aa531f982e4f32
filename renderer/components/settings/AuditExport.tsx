import { useTranslation } from '../../i18n';
import { useState } from 'react';
import { useServices } from '../../context';
import { auditCsv } from '../../auditExport';
import { ActionError, useAction } from '../useAction';

/** Hands a file to the browser's download (Electron: a save dialog), without a server. */
export function downloadFile(name: string, parts: BlobPart[], type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The audit log (who did what at this counter) as a CSV file. */
export function AuditExport() {
  const { db, now } = useServices();
  const action = useAction();
  const [done, setDone] = useState<string | null>(null);
  const { t } = useTranslation();
  const exportCsv = () =>
    action.run(async () => {
      setDone(null);
      const { parts, rows } = await auditCsv(db);
      const day = new Date(now()).toISOString().slice(0, 10);
      // The byte order mark lets spreadsheet programs read the file as UTF-8.
      downloadFile(`token-desk-audit-${day}.csv`, ['\uFEFF', ...parts], 'text/csv;charset=utf-8');
      setDone(t('settings.audit.exported', { count: rows }));
    });
  return (
    <section aria-labelledby="audit-title" className="settings-section">
      <h3 id="audit-title">{t('settings.audit.title')}</h3>
      <p className="hint">{t('settings.audit.hint')}</p>
      <button type="button" disabled={action.busy} onClick={() => void exportCsv()}>
        {t('settings.audit.export')}
      </button>
      <p role="status">{done}</p>
      <ActionError error={action.error} />
    </section>
  );
}
