import { useCallback, useEffect, type ReactNode } from 'react';
import { useServices } from '../../context';
import { slipLaidOut } from '../../printing/slipPage';
import { readPrintSettings } from '../../storage/meta';
import { dialogOpen } from '../../shortcuts';
import { useAction } from '../useAction';

/** After a token's slip failed: nothing is lost. */
export const TOKEN_SAVED = 'The token is saved: check the printer, then retry.';

export interface SlipPrint {
  /** Prints the slip on screen: without a dialog to the chosen printer where main can (Electron), else through the print dialog. */
  print: () => void;
  /** A failed print in words, with Retry; null while nothing failed. */
  notice: ReactNode;
}

/** `afterFailure`: what the clerk should know once a print failed (say, that the token is saved). */
export function useSlipPrint(afterFailure: string): SlipPrint {
  const { db, api } = useServices();
  const action = useAction();
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
      <p>{`The slip did not print. ${action.error} ${afterFailure}`}</p>
      <button type="button" disabled={action.busy} onClick={print}>
        Retry printing
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
