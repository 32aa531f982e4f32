import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PrintJob } from '../../shared/ipc/contract';
import { savePrintSettings } from '../../renderer/commands';
import type { TokenDeskDatabase } from '../../renderer/storage/database';
import { DEFAULT_PRINT_SETTINGS, readPrintSettings, writePrintSettings } from '../../renderer/storage/meta';
import { nav, startApp } from './appHarness';
import { closeTestDb, issue, openTestDb } from './support';
import { WordedError } from '../../electron/wordedError';

let db: TokenDeskDatabase;
const dialog = vi.fn();

beforeEach(() => {
  db = openTestDb();
  dialog.mockReset();
  window.print = dialog;
});
afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await closeTestDb(db);
});

const PRINTERS = [
  { name: 'EPSON_TM_T20', displayName: 'EPSON TM-T20' },
  { name: 'Office_A4', displayName: 'Office A4' },
];

/** Main in Electron: prints without a dialog, to the printers it lists; `fail` says why the next prints fail. */
function electronMain() {
  const jobs: PrintJob[] = [];
  const printer = { fail: null as string | null };
  const handlers = {
    listPrinters: () => ({ silent: true, printers: PRINTERS }),
    printSlip: (job: PrintJob) => {
      jobs.push(job);
      if (printer.fail) throw new WordedError({ code: 'printerSaid', reason: printer.fail }, `The printer said: ${printer.fail}.`);
      return { via: 'printer' as const };
    },
  };
  return { jobs, printer, handlers };
}

const slip = () => screen.getByRole('article', { name: 'Your loyalty access token' });

describe('receipt printing', () => {
  it('prints the slip without a dialog to the printer and paper chosen in Settings', async () => {
    const main = electronMain();
    startApp(db, main.handlers);
    fireEvent.click(nav().getByRole('button', { name: 'Settings' }));
    const form = await screen.findByRole('form', { name: 'Receipt printing' });
    fireEvent.click(within(form).getByRole('radio', { name: '58 mm receipt roll' }));
    const picker = await within(form).findByLabelText('Printer');
    expect(within(picker).getAllByRole('option').map((option) => option.textContent)).toEqual(['This computer’s default printer', 'EPSON TM-T20', 'Office A4']);
    fireEvent.change(picker, { target: { value: 'EPSON_TM_T20' } });
    fireEvent.change(within(form).getByLabelText('Shop name'), { target: { value: 'Kafeneio Nikos' } });
    fireEvent.change(within(form).getByLabelText('Instructions'), { target: { value: 'Show this slip at the till.' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save printing settings' }));
    expect(await within(form).findByText('Printing settings saved')).toBeTruthy();
    expect(await readPrintSettings(db)).toEqual({ paper: '58mm', printer: 'EPSON_TM_T20', shopName: 'Kafeneio Nikos', instructions: 'Show this slip at the till.' });

    fireEvent.click(screen.getByRole('button', { name: 'Test print' }));
    await waitFor(() => expect(main.jobs).toHaveLength(1));
    expect(main.jobs[0]).toMatchObject({ deviceName: 'EPSON_TM_T20', paper: '58mm' });
    expect(within(slip()).getByText('TEST PRINT — NOT A TOKEN')).toBeTruthy();
    expect(within(slip()).getByText('Kafeneio Nikos')).toBeTruthy();
    expect(within(slip()).getByText('Show this slip at the till.')).toBeTruthy();
    expect(slip().className).toContain('paper-58mm');
    expect(dialog).not.toHaveBeenCalled();
  });

  it('says why a print failed and offers Retry; the token stays saved', async () => {
    await writePrintSettings(db, { ...DEFAULT_PRINT_SETTINGS, printer: 'EPSON_TM_T20' });
    const token = await issue(db, { identifier: 'FAILPRINT1' });
    const main = electronMain();
    main.printer.fail = 'Printer is out of paper';
    const { services } = startApp(db, main.handlers);
    services.ui.getState().openToken(token.localId);
    fireEvent.click(await screen.findByRole('button', { name: 'Print slip' }, { timeout: 5_000 }));
    const failure = await screen.findByText('The slip did not print. The printer said: Printer is out of paper. The token is saved: check the printer, then retry.');
    expect(await db.tokens.get(token.localId)).toMatchObject({ identifier: 'FAILPRINT1' });

    main.printer.fail = null;
    fireEvent.click(within(failure.closest('[role="alert"]') as HTMLElement).getByRole('button', { name: 'Retry printing' }));
    await waitFor(() => expect(main.jobs).toHaveLength(2));
    await waitFor(() => expect(screen.queryByText(/The slip did not print/)).toBeNull());
    expect(main.jobs.map((job) => job.deviceName)).toEqual(['EPSON_TM_T20', 'EPSON_TM_T20']);
    expect(dialog).not.toHaveBeenCalled();
  });

  it('prints only once the slip on screen is laid out with the words Settings now hold, not just the paper', async () => {
    await writePrintSettings(db, { ...DEFAULT_PRINT_SETTINGS, paper: '58mm', shopName: 'Kafeneio Nikos' });
    const token = await issue(db, { identifier: 'RENAMED01' });
    const main = electronMain();
    const shopOnPrintedSlip: string[] = [];
    const { services } = startApp(db, {
      ...main.handlers,
      printSlip: (job: PrintJob) => {
        shopOnPrintedSlip.push(slip().querySelector('.slip-shop')?.textContent ?? '');
        return main.handlers.printSlip(job);
      },
    });
    services.ui.getState().openToken(token.localId);
    fireEvent.click(await screen.findByRole('button', { name: 'Print slip' }, { timeout: 5_000 }));
    await waitFor(() => expect(main.jobs).toHaveLength(1));
    // The same paper, another shop name, and Print at once (no frame between): before the slip on screen shows the new name.
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
      callback(0);
      return 0;
    });
    void writePrintSettings(db, { ...DEFAULT_PRINT_SETTINGS, paper: '58mm', shopName: 'Taverna Eleni' });
    fireEvent.click(screen.getByRole('button', { name: 'Print slip' }));
    await waitFor(() => expect(main.jobs).toHaveLength(2));
    expect(shopOnPrintedSlip).toEqual(['Kafeneio Nikos', 'Taverna Eleni']);
  });

  it('falls back to the print dialog where main cannot print silently (the browser shell)', async () => {
    const token = await issue(db, { identifier: 'DIALOG001' });
    const { services } = startApp(db);
    services.ui.getState().openToken(token.localId);
    fireEvent.click(await screen.findByRole('button', { name: 'Print slip' }, { timeout: 5_000 }));
    await waitFor(() => expect(dialog).toHaveBeenCalledTimes(1));
    // Ctrl+P prints the slip the same way, not the browser's print of the whole window.
    const key = new KeyboardEvent('keydown', { key: 'p', ctrlKey: true, cancelable: true });
    window.dispatchEvent(key);
    expect(key.defaultPrevented).toBe(true);
    await waitFor(() => expect(dialog).toHaveBeenCalledTimes(2));
  });

  it('saves printing settings only with main’s yes (a manager), and refuses bad values in words, saving nothing', async () => {
    const refused = { authorize: vi.fn(async () => Promise.reject(new Error('Only a manager may change this counter’s settings.'))) };
    await expect(savePrintSettings({ db, api: refused }, { ...DEFAULT_PRINT_SETTINGS, shopName: 'Mine now' })).rejects.toThrow('Only a manager may change');
    const allowed = { authorize: vi.fn(async () => ({ operator: { id: 'op-maria', name: 'Maria' }, approvedBy: null })) };
    await expect(savePrintSettings({ db, api: allowed }, { ...DEFAULT_PRINT_SETTINGS, instructions: 'x'.repeat(161) })).rejects.toThrow('The instructions are at most 160 characters.');
    expect(allowed.authorize).not.toHaveBeenCalled();
    expect(await readPrintSettings(db)).toEqual(DEFAULT_PRINT_SETTINGS);
  });
});
