import { useTranslation } from '../i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { closeShift } from '../commands';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Screen } from '../components/Screen';
import { downloadFile } from '../components/settings/AuditExport';
import { SUMMARY_FAILED, usePrintKey, useSlipPrint } from '../components/issue/useSlipPrint';
import { ShiftSlip } from '../components/shift/ShiftSlip';
import { ActionError, useAction } from '../components/useAction';
import { useAppStore, useServices } from '../context';
import { shiftCsv } from '../shiftExport';
import { readCounterIdentity, readPrintSettings } from '../storage/meta';
import { shiftSummary, type ShiftSummary } from '../storage/shiftSummary';
import { signedIn } from '../stores/operatorStore';

/**
 * End of shift: what each operator and the whole counter did since the last close, to print (like a
 * slip) or export, and "Close shift", which records it in the audit log and signs this operator out.
 * The printout and the CSV are the summary on screen, taken at one moment.
 */
export function ShiftScreen() {
  const services = useServices();
  const { db, now } = services;
  const summary = useLiveQuery(() => shiftSummary(db, now()), [db, now]);
  const printing = useLiveQuery(() => readPrintSettings(db), [db]);
  const counter = useLiveQuery(() => readCounterIdentity(db), [db]);
  const operator = useAppStore('operators', signedIn);
  const signOut = useAppStore('operators', (state) => state.signOut);
  const [confirming, setConfirming] = useState(false);
  const close = useAction();
  const exported = useAction();
  const { t } = useTranslation();
  const printed = useSlipPrint(SUMMARY_FAILED);
  usePrintKey(printed.print);

  const exportCsv = (shown: ShiftSummary) =>
    exported.run(async () => {
      const day = new Date(shown.until).toISOString().slice(0, 10);
      // The byte order mark lets spreadsheet programs read the file as UTF-8.
      downloadFile(`token-desk-shift-${day}.csv`, ['\uFEFF', ...shiftCsv(shown)], 'text/csv;charset=utf-8');
    });
  const confirmClose = () =>
    void close.run(async () => {
      await closeShift(services, signOut);
      services.ui.getState().focusFind({ clear: true });
    });

  return (
    <Screen title={t('shift.title')} wide>
      {summary === undefined || printing === undefined ? (
        <p className="empty">{t('shift.counting')}</p>
      ) : (
        <ShiftSlip summary={summary} printing={printing} terminal={counter?.terminalName ?? ''} printedBy={operator?.name ?? null} />
      )}
      {printed.notice}
      <p className="hint no-print">{t('shift.queueNote')}</p>
      <div className="actions wrap no-print">
        <button type="button" disabled={summary === undefined || printing === undefined} onClick={printed.print}>
          {t('shift.print')}
        </button>
        <button type="button" disabled={summary === undefined || exported.busy} onClick={() => {
            if (summary) void exportCsv(summary);
          }}>
          {t('shift.export')}
        </button>
        <button type="button" className="primary" onClick={() => setConfirming(true)}>
          {t('shift.close')}
        </button>
      </div>
      <ActionError error={exported.error} />
      {confirming ? (
        <ConfirmDialog title={t('shift.confirmTitle')} confirmLabel={t('shift.close')} busy={close.busy} error={close.error} onConfirm={confirmClose} onCancel={() => setConfirming(false)}>
          <p>{t('shift.confirmText')}</p>
        </ConfirmDialog>
      ) : null}
    </Screen>
  );
}
