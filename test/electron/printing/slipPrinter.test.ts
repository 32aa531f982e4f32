import { describe, expect, it } from 'vitest';
import { createSlipPrinter, type PrintingContents, type SlipPrintOptions } from '../../../electron/printing/slipPrinter';

function contents(printers: string[], failureReason: string | null = null): PrintingContents & { jobs: SlipPrintOptions[] } {
  const jobs: SlipPrintOptions[] = [];
  return {
    jobs,
    getPrintersAsync: async () => printers.map((name) => ({ name, displayName: '' })),
    print: (options, callback) => {
      jobs.push(options);
      queueMicrotask(() => callback(failureReason === null, failureReason ?? ''));
    },
  };
}

describe('the slip printer', () => {
  it('prints to the default printer when none is chosen: silent, no deviceName', async () => {
    const window = contents(['TM_T20']);
    await createSlipPrinter(() => window).print('1', { paper: '80mm', heightMm: 150 });
    expect(window.jobs).toEqual([{ silent: true, pageSize: { width: 80_000, height: 150_000 }, margins: { marginType: 'none' }, printBackground: false }]);
  });

  it('lists printers by their system name, showing it where the system gives no friendly one', async () => {
    expect(await createSlipPrinter(() => contents(['TM_T20'])).list('1')).toEqual([{ name: 'TM_T20', displayName: 'TM_T20' }]);
  });

  it('says so, in words, when the window is gone or the printer fails without a reason; nothing is printed to another printer', async () => {
    await expect(createSlipPrinter(() => null).print('9', { paper: 'A4', heightMm: 297 })).rejects.toThrow('The window to print from is gone.');
    const failing = contents(['TM_T20'], '');
    await expect(createSlipPrinter(() => failing).print('1', { deviceName: 'TM_T20', paper: '58mm', heightMm: 90 })).rejects.toThrow('The printer gave no reason.');
    const other = contents(['Office']);
    await expect(createSlipPrinter(() => other).print('1', { deviceName: 'TM_T20', paper: '58mm', heightMm: 90 })).rejects.toThrow('“TM_T20” is not connected');
    expect(other.jobs).toEqual([]);
  });
});
