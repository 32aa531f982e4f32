import { ROLL_WIDTH_MM, type PrinterInfo, type PrintJob } from '../../shared/ipc/contract';
import { WordedError } from '../wordedError';

/** Electron's print options, as far as a slip uses them (pageSize in microns). */
export interface SlipPrintOptions {
  silent: true;
  deviceName?: string;
  pageSize: 'A4' | { width: number; height: number };
  margins: { marginType: 'none' | 'default' };
  printBackground: boolean;
}

/** The part of a window's webContents that prints: Electron's, or a test's double. */
export interface PrintingContents {
  getPrintersAsync(): Promise<Array<{ name: string; displayName: string }>>;
  print(options: SlipPrintOptions, callback: (success: boolean, failureReason: string) => void): void;
}

/** Prints what the calling window shows; main.ts finds the window's contents, the rest is here. */
export interface SlipPrinter {
  list(window: string): Promise<PrinterInfo[]>;
  print(window: string, job: PrintJob): Promise<void>;
}

const MICRONS_PER_MM = 1000;

/** A roll is a page as wide as the roll and as long as the slip, printed edge to edge; A4 keeps its margins. */
export function slipPrintOptions(job: PrintJob): SlipPrintOptions {
  const device = job.deviceName === undefined ? {} : { deviceName: job.deviceName };
  if (job.paper === 'A4') return { silent: true, ...device, pageSize: 'A4', margins: { marginType: 'default' }, printBackground: false };
  const pageSize = { width: ROLL_WIDTH_MM[job.paper] * MICRONS_PER_MM, height: job.heightMm * MICRONS_PER_MM };
  return { silent: true, ...device, pageSize, margins: { marginType: 'none' }, printBackground: false };
}

function printed(contents: PrintingContents, options: SlipPrintOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    contents.print(options, (success, failureReason) => {
      if (success) resolve();
      else if (failureReason) reject(new WordedError({ code: 'printerSaid', reason: failureReason.slice(0, 2000) }, `The printer said: ${failureReason}.`));
      else reject(new WordedError({ code: 'printerNoReason' }, 'The printer gave no reason.'));
    });
  });
}

export function createSlipPrinter(contentsOf: (window: string) => PrintingContents | null): SlipPrinter {
  const contents = (window: string): PrintingContents => {
    const found = contentsOf(window);
    if (!found) throw new WordedError({ code: 'printWindowGone' }, 'The window to print from is gone.');
    return found;
  };
  const list = async (window: string): Promise<PrinterInfo[]> =>
    (await contents(window).getPrintersAsync()).map(({ name, displayName }) => ({ name, displayName: displayName || name }));
  return {
    list,
    async print(window, job) {
      // A printer unplugged or renamed since Settings is named in words, not left to a silent no-op.
      if (job.deviceName !== undefined && !(await list(window)).some((printer) => printer.name === job.deviceName)) {
        throw new WordedError({ code: 'printerGone', printer: job.deviceName }, `The printer “${job.deviceName}” is not connected to this computer. Check it, or choose another printer in Settings.`);
      }
      await printed(contents(window), slipPrintOptions(job));
    },
  };
}
