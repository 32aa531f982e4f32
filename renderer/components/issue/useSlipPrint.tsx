import { currentLanguage, useTranslation } from '../../i18n';
import { useCallback, useEffect, type ReactNode } from 'react';
import { useServices } from '../../context';
import { pageLayout, slipLaidOut } from '../../printing/slipPage';
import { readPrintSettings } from '../../storage/meta';
import { dialogOpen } from '../../shortcuts';
import { useAction } from '../useAction';

/** What a failed print says (catalog keys): what did not print, with `{{reason}}` and `{{then}}`; then what the clerk should do. */
export interface PrintFailureWords {
  failed: string;
  then: string;
}

/** A token's slip failed: nothing is lost. */
export const TOKEN_SAVED: PrintFailureWords = { failed: 'print.failed', then: 'print.tokenSaved' };
/** A test print failed. */
export const CHECK_SETTINGS: PrintFailureWords = { failed: 'print.failed', then: 'print.checkSettings' };
/** The end-of-shift summary failed. */
export const SUMMARY_FAILED: PrintFailureWords = { failed: 'shift.printFailed', then: 'print.checkSettings' };

export interface SlipPrint {
  /** Prints the page on screen (a slip, the end-of-shift summary): without a dialog to the chosen printer where main can (Electron), else through the print dialog. */
  print: () => void;
  /** A failed print in words, with Retry; null while nothing failed. */
  notice: ReactNode;
}

/** `words`: what a failed print says (say, that the token is saved). */
export function useSlipPrint(words: PrintFailureWords): SlipPrint {
  const { db, api } = useServices();
  const action = useAction();
  const { t } = useTranslation();
  const { run } = action;
  const print = useCallback(() => {
    void run(async () => {
      const settings = await readPrintSettings(db);
      const { paper, printer } = settings;
      const page = await slipLaidOut(pageLayout(settings, currentLanguage()));
      const { via } = await api.printSlip({ paper, heightMm: page.heightMm, ...(printer === '' ? {} : { deviceName: printer }) });
      if (via === 'dialog') window.print();
    });
  }, [db, api, run]);
  const notice = action.error ? (
    <div role="alert" className="print-failure no-print">
      <p>{t(words.failed, { reason: action.error, then: t(words.then) })}</p>
      <button type="button" disabled={action.busy} onClick={print}>
        {t('print.retry')}
      </button>
    </div>
  ) : null;
  return { print, notice };
}

/** Ctrl+P (⌘P) prints the slip (or summary) as its button does, instead of the browser's print of the whole window. */
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
