import { useTranslation } from '../../i18n';
import { useCallback, useEffect, type ReactNode } from 'react';
import { useServices } from '../../context';
import { slipLaidOut } from '../../printing/slipPage';
import { readPrintSettings } from '../../storage/meta';
import { dialogOpen } from '../../shortcuts';
import { useAction } from '../useAction';

/** After a token's slip failed: nothing is lost (a catalog key). */
export const TOKEN_SAVED = 'print.tokenSaved';
/** After a test print failed (a catalog key). */
export const CHECK_SETTINGS = 'print.checkSettings';

export interface SlipPrint {
  /** Prints the slip on screen: without a dialog to the chosen printer where main can (Electron), else through the print dialog. */
  print: () => void;
  /** A failed print in words, with Retry; null while nothing failed. */
  notice: ReactNode;
}

/** `afterFailure`: the catalog key of what the clerk should know once a print failed (say, that the token is saved). */
export function useSlipPrint(afterFailure: typeof TOKEN_SAVED | typeof CHECK_SETTINGS): SlipPrint {
  const { db, api } = useServices();
  const action = useAction();
  const { t } = useTranslation();
  const { run } = action;
  const print = useCallback(() => {
    void run(async () => {
      const { paper, printer } = await readPrintSettings(db);
      const page = await slipLaidOut(paper);
      const { via } = await api.printSlip({ paper, heightMm: page.heightMm, ...(printer === '' ? {} : { deviceName: printer }) });
      if (via === 'dialog') window.print();
    });
  }, [db, api, run]);
  const notice = action.error ? (
    <div role="alert" className="print-failure no-print">
      <p>{t('print.failed', { reason: action.error, then: t(afterFailure) })}</p>
      <button type="button" disabled={action.busy} onClick={print}>
        {t('print.retry')}
      </button>
    </div>
  ) : null;
  return { print, notice };
}

/** Ctrl+P (⌘P) prints the slip as its button does, instead of the browser's print of the whole window. */
export function usePrintKey(print: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 'p' || dialogOpen()) return;
      event.preventDefault();
      // A held key repeats: one receipt per press.
      if (!event.repeat) print();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [print]);
}
