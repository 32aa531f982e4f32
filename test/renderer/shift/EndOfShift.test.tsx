import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { DBCore } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSlipPrinter, type PrintingContents, type SlipPrintOptions } from '../../../electron/printing/slipPrinter';
import type { OperatorRef, OperatorsView, PrintJob } from '../../../shared/ipc/contract';
import { closeShift } from '../../../renderer/commands';
import { editToken, handOutStock, setLifeCycleState } from '../../../renderer/commands/tokenWrites';
import { applyResults, takeBatch } from '../../../renderer/outbox';
import { shiftCsv } from '../../../renderer/shiftExport';
import { TokenDeskDatabase } from '../../../renderer/storage/database';
import { DEFAULT_PRINT_SETTINGS, writePrintSettings } from '../../../renderer/storage/meta';
import { applyServerTokens } from '../../../renderer/storage/serverCopies';
import { CLOSE_SHIFT, shiftSummary, type ShiftCounts, type ShiftSummary } from '../../../renderer/storage/shiftSummary';
import { stockOnHand } from '../../../renderer/storage/queries';
import { MARIA, NIKOS, signedInAs, startApp } from '../appHarness';
import { closeTestDb, doneResult, fakeSeal, issue, openTestDb, serverToken } from '../support';

let db: TokenDeskDatabase;
beforeEach(() => {
  db = openTestDb();
});
afterEach(async () => {
  cleanup();
  await closeTestDb(db);
});

const maria: OperatorRef = { id: MARIA.id, name: MARIA.name };
const nikos: OperatorRef = { id: NIKOS.id, name: NIKOS.name };
const eleni: OperatorRef = { id: 'op-eleni', name: 'Eleni' };

/** The operator signed in at this connection from now on (as the operators store sets it). */
const as = (operator: OperatorRef) => {
  db.actor = { ...db.actor, operator };
};

const counts = (partial: Partial<ShiftCounts>): ShiftCounts => ({ issued: 0, handedOut: 0, switched: 0, edited: 0, stillPending: 0, needingAttention: 0, ...partial });

const PREVIOUS_CLOSE_AT = 5_000;

/** One stock token on hand, to be handed out. */
async function stockToken(suffix: string): Promise<string> {
  await applyServerTokens(db, [serverToken({ id: `S${suffix}`.padEnd(32, '0'), number: `70${suffix}`, authenticationCode: `STOCK${suffix}ABCDEFGHJK`, identifier: null, participant: null })], 6_500, { stock: true });
  const [stock] = await stockOnHand(db, 1);
  return stock!.localId;
}

/**
 * A previous shift (Maria issues A, which syncs; Nikos issues B and switches A), closed by Nikos; then
 * this shift: Maria issues C and D and switches C, and the CRM refuses D; Nikos hands out a stock
 * token with an identifier and changes A's identifier; Eleni issues E. `step` runs after each step.
 */
async function seedShifts(step: () => Promise<void> = async () => undefined) {
  as(maria);
  const a = await issue(db, {}, 1_000);
  await step();
  const [createA] = await takeBatch(db, 10, 1_100, { force: true });
  await applyResults(db, [doneResult(createA!, { identifier: a.identifier })], 1_200);
  await step();
  as(nikos);
  await issue(db, {}, 2_000);
  await setLifeCycleState(db, a.localId, 'NOT_EFFECTIVE', 3_000);
  await step();
  await closeShift({ db, now: () => PREVIOUS_CLOSE_AT }, async () => undefined);
  await step();

  as(maria);
  const c = await issue(db, {}, 6_000);
  const d = await issue(db, {}, 6_100);
  await setLifeCycleState(db, c.localId, 'NOT_EFFECTIVE', 6_200);
  await step();
  const ops = await takeBatch(db, 50, 6_300, { force: true });
  const createD = ops.find((op) => op.tokenLocalId === d.localId && op.kind === 'create');
  await applyResults(db, [{ seq: createD!.seq, outcome: 'parked', error: { code: 'DUPLICATE', message: 'The identifier is taken.' } }], 6_400);
  await step();
  as(nikos);
  await handOutStock(db, await stockToken('1'), { identifier: 'STOCKCARD1', sealedPassCode: 'sealed' }, 7_000);
  await step();
  await editToken(db, a.localId, { identifier: 'RENAMED01', sealedPassCode: 'sealed' }, 7_100);
  await step();
  as(eleni);
  await issue(db, {}, 8_000);
  await step();
}

/** The summary as a second connection to the same database takes it, reading the audit afresh. */
async function freshSummary(at: number): Promise<ShiftSummary> {
  const fresh = new TokenDeskDatabase(db.name);
  try {
    return await shiftSummary(fresh, at);
  } finally {
    fresh.close();
  }
}

/*
 * What the seeded rows say, step by step. Since the close: Maria issued C and D and switched C; the
 * CRM refused D (needs attention), C's create and switch wait. Nikos handed out one stock token with
 * an identifier (a hand-out row and an edit row, one step: a hand-out) and edited A; his B create and
 * A switch from the last shift wait too, with the stock token's and A's updates. Eleni issued E, which waits.
 */
const EXPECTED = {
  Eleni: counts({ issued: 1, stillPending: 1 }),
  Maria: counts({ issued: 2, switched: 1, stillPending: 2, needingAttention: 1 }),
  Nikos: counts({ handedOut: 1, edited: 1, stillPending: 4 }),
};
const COUNTER = counts({ issued: 3, handedOut: 1, switched: 1, edited: 1, stillPending: 7, needingAttention: 1 });
const TAKEN_AT = 9_000;

describe('the end-of-shift summary', () => {
  it('counts each operator’s audit rows since the last close, and the queue by who queued it', async () => {
    await seedShifts();
    const summary = await shiftSummary(db, TAKEN_AT);
    expect(summary.since).toBe(PREVIOUS_CLOSE_AT);
    expect(summary.until).toBe(TAKEN_AT);
    expect(Object.fromEntries(summary.operators.map((entry) => [entry.operator, entry.counts]))).toEqual(EXPECTED);
    expect(summary.operators.map((entry) => entry.operatorId)).toEqual([eleni.id, maria.id, nikos.id]);
    expect(summary.counter).toEqual(COUNTER);

    // The rows themselves: after the close, exactly the steps counted above; before it, the last shift's.
    const rows = await db.audit.toArray();
    const closeAt = rows.findIndex((row) => row.action === CLOSE_SHIFT);
    const steps = (part: typeof rows) => part.filter((row) => row.outcome === 'queued' || row.outcome === 'local').map((row) => `${row.operator}:${row.action}`);
    expect(steps(rows.slice(closeAt + 1))).toEqual(['Maria:issue', 'Maria:issue', 'Maria:setState', 'Nikos:handOut', 'Nikos:edit', 'Nikos:edit', 'Eleni:issue']);
    expect(steps(rows.slice(0, closeAt))).toEqual(['Maria:issue', 'Nikos:issue', 'Nikos:setState']);
    expect(rows[closeAt]).toMatchObject({ at: PREVIOUS_CLOSE_AT, operator: 'Nikos', operatorId: nikos.id, outcome: 'local', tokenLocalId: '' });
    expect(rows[closeAt]?.detail).toBe(
      'Shift closed. Whole counter: issued 2, handed out 0, switched 1, edited 0, still pending 2, needing attention 0. ' +
        'Maria: issued 1, handed out 0, switched 0, edited 0, still pending 0, needing attention 0. ' +
        'Nikos: issued 1, handed out 0, switched 1, edited 0, still pending 2, needing attention 0.',
    );
  });

  it('shows the same numbers on End of shift (F9), per operator and for the whole counter', async () => {
    await seedShifts();
    startApp(db);
    fireEvent.keyDown(document.body, { key: 'F9' });
    await screen.findByRole('heading', { name: 'End of shift', level: 2 });
    const slip = await screen.findByRole('article', { name: 'End-of-shift summary' });
    const shown = (name: string) => {
      const block = within(slip).getByRole('region', { name });
      const values = within(block).getAllByRole('definition').map((dd) => Number(dd.textContent));
      return { issued: values[0], handedOut: values[1], switched: values[2], edited: values[3], stillPending: values[4], needingAttention: values[5] };
    };
    await waitFor(() => expect(shown('Whole counter')).toEqual(COUNTER));
    for (const [name, expected] of Object.entries(EXPECTED)) expect(shown(name)).toEqual(expected);
    expect(within(slip).getByText(/^Since /)).toBeTruthy();
  });

  it('exports the summary on screen: the same numbers, taken at the same moment', async () => {
    await seedShifts();
    let clock = TAKEN_AT;
    startApp(db, {}, { now: () => clock });
    fireEvent.keyDown(document.body, { key: 'F9' });
    const slip = await screen.findByRole('article', { name: 'End-of-shift summary' });
    const counter = within(slip).getByRole('region', { name: 'Whole counter' });
    await waitFor(() => expect(within(counter).getAllByRole('definition').map((dd) => Number(dd.textContent))).toEqual(Object.values(COUNTER)));
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:shift';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    // Later than the summary on screen was taken: the file still says when that was.
    clock = TAKEN_AT + 60_000;
    fireEvent.click(screen.getByRole('button', { name: 'Export summary (CSV)' }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    const lines = (await blobs[0]!.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines.at(-2)).toBe(`1970-01-01T00:00:05.000Z,1970-01-01T00:00:09.000Z,Whole counter,,${Object.values(COUNTER).join(',')}`);
    expect(lines.slice(1, -2).map((line) => line.split(',')[2])).toEqual(Object.keys(EXPECTED));
    vi.restoreAllMocks();
  });

  it('exports as CSV with formulas guarded, one line per operator and one for the counter', async () => {
    await seedShifts();
    const csv = shiftCsv(await shiftSummary(db, TAKEN_AT));
    expect(csv[0]).toBe('Since,Until,Operator,Operator ID,Issued,Handed out,Switched,Edited,Still pending,Needing attention\r\n');
    expect(csv.slice(1)).toEqual([
      `1970-01-01T00:00:05.000Z,1970-01-01T00:00:09.000Z,Eleni,${eleni.id},1,0,0,0,1,0\r\n`,
      `1970-01-01T00:00:05.000Z,1970-01-01T00:00:09.000Z,Maria,${maria.id},2,0,1,0,2,1\r\n`,
      `1970-01-01T00:00:05.000Z,1970-01-01T00:00:09.000Z,Nikos,${nikos.id},0,1,0,1,4,0\r\n`,
      '1970-01-01T00:00:05.000Z,1970-01-01T00:00:09.000Z,Whole counter,,3,1,1,1,7,1\r\n',
    ]);
    as({ id: 'op-x', name: '=HYPERLINK("x")' });
    await issue(db, {}, 9_500);
    expect(shiftCsv(await shiftSummary(db, 10_000)).join('')).toContain(`"'=HYPERLINK(""x"")",op-x,1,`);
  });
});

describe('the end-of-shift summary, counted once and read cheaply', () => {
  it('counts a hand-out that gives the token an identifier once, as handed out, though it writes a hand-out and an edit row', async () => {
    as(nikos);
    const stock = await stockToken('2');
    await handOutStock(db, stock, { identifier: 'STOCKCARD2', sealedPassCode: 'sealed' }, 7_000);
    expect((await db.audit.where('tokenLocalId').equals(stock).toArray()).map((row) => `${row.action}:${row.outcome}`)).toEqual(['handOut:local', 'edit:queued']);
    expect((await shiftSummary(db, TAKEN_AT)).counter).toEqual(counts({ handedOut: 1, stillPending: 1 }));

    // A later edit of the same token is a step of its own.
    await editToken(db, stock, { identifier: 'STOCKCARD3', sealedPassCode: 'sealed' }, 7_500);
    expect((await shiftSummary(db, TAKEN_AT)).counter).toEqual(counts({ handedOut: 1, edited: 1, stillPending: 2 }));
    expect(await freshSummary(TAKEN_AT)).toEqual(await shiftSummary(db, TAKEN_AT));
  });

  it('taken again after every step (a close among them), shows what a fresh read of the whole audit shows', async () => {
    const taken: Array<[ShiftSummary, ShiftSummary]> = [];
    await seedShifts(async () => {
      taken.push([await shiftSummary(db, TAKEN_AT), await freshSummary(TAKEN_AT)]);
    });
    for (const [again, fresh] of taken) expect(again).toEqual(fresh);
    expect(taken.at(-1)?.[0].counter).toEqual(COUNTER);
  });

  it('keeps nothing it read inside a write transaction that was then undone', async () => {
    as(maria);
    await issue(db, {}, 1_000);
    const undone = db.transaction('rw', db.tables, async () => {
      await issue(db, {}, 1_100);
      expect((await shiftSummary(db, TAKEN_AT)).counter.issued).toBe(2);
      throw new Error('Undone.');
    });
    await expect(undone).rejects.toThrow('Undone.');
    expect((await shiftSummary(db, TAKEN_AT)).counter).toEqual(counts({ issued: 1, stillPending: 1 }));
  });

  it('reads only the audit rows added since it was last taken, so a sync’s outcome rows do not make it read the whole audit again', async () => {
    as(maria);
    for (let n = 0; n < 5; n += 1) await issue(db, {}, 1_000 + n);
    let auditRowsRead = 0;
    const counted = new TokenDeskDatabase(db.name).use({
      stack: 'dbcore',
      name: 'countAuditReads',
      create: (down: DBCore): DBCore => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'audit') return table;
          return {
            ...table,
            query: async (request) => {
              const reply = await table.query(request);
              auditRowsRead += reply.result.length;
              return reply;
            },
          };
        },
      }),
    });
    try {
      expect((await shiftSummary(counted, TAKEN_AT)).counter).toEqual(counts({ issued: 5, stillPending: 5 }));
      const before = await db.audit.count();
      const ops = await takeBatch(db, 2, 2_000, { force: true });
      await applyResults(db, ops.map((op) => doneResult(op)), 2_100);
      const added = (await db.audit.count()) - before;
      expect(added).toBeGreaterThan(0);
      auditRowsRead = 0;
      expect((await shiftSummary(counted, TAKEN_AT)).counter).toEqual(counts({ issued: 5, stillPending: 3 }));
      expect(auditRowsRead).toBe(added);
    } finally {
      counted.close();
    }
  });
});

describe('End of shift, printed like a slip', () => {
  /** Main in Electron: its printing, over a recording double of the window's webContents. */
  function electronPrinting() {
    const printed: SlipPrintOptions[] = [];
    const printer = { fail: null as string | null };
    const contents: PrintingContents = {
      getPrintersAsync: async () => [{ name: 'EPSON_TM_T20', displayName: 'EPSON TM-T20' }],
      print: (options, callback) => {
        printed.push(options);
        callback(printer.fail === null, printer.fail ?? '');
      },
    };
    const main = createSlipPrinter(() => contents);
    const handlers = {
      printSlip: async (job: PrintJob) => {
        await main.print('window-1', job);
        return { via: 'printer' as const };
      },
    };
    return { printed, printer, handlers };
  }

  const dialog = vi.fn();
  beforeEach(() => {
    dialog.mockReset();
    window.print = dialog;
  });

  const summaryOnScreen = () => screen.findByRole('article', { name: 'End-of-shift summary' });

  it('prints without a dialog to the printer and paper chosen in Settings; a failure says so and offers Retry', async () => {
    await writePrintSettings(db, { ...DEFAULT_PRINT_SETTINGS, paper: '58mm', printer: 'EPSON_TM_T20' });
    as(maria);
    await issue(db, {}, 1_000);
    const electron = electronPrinting();
    electron.printer.fail = 'Printer is out of paper';
    startApp(db, electron.handlers);
    fireEvent.keyDown(document.body, { key: 'F9' });
    await waitFor(async () => expect((await summaryOnScreen()).className).toContain('paper-58mm'));
    fireEvent.click(screen.getByRole('button', { name: 'Print summary' }));
    const failure = await screen.findByText('The summary did not print. The printer said: Printer is out of paper. Check the printer and the settings, then retry.');

    electron.printer.fail = null;
    fireEvent.click(within(failure.closest('[role="alert"]') as HTMLElement).getByRole('button', { name: 'Retry printing' }));
    await waitFor(() => expect(electron.printed).toHaveLength(2));
    await waitFor(() => expect(screen.queryByText(/The summary did not print/)).toBeNull());
    for (const options of electron.printed) {
      expect(options).toMatchObject({ silent: true, deviceName: 'EPSON_TM_T20', pageSize: { width: 58_000 }, margins: { marginType: 'none' } });
    }
    expect(dialog).not.toHaveBeenCalled();
  });

  it('falls back to the print dialog where main cannot print silently (the browser shell), by button or Ctrl+P', async () => {
    startApp(db);
    fireEvent.keyDown(document.body, { key: 'F9' });
    expect((await summaryOnScreen()).className).toContain('paper-80mm');
    fireEvent.click(screen.getByRole('button', { name: 'Print summary' }));
    await waitFor(() => expect(dialog).toHaveBeenCalledTimes(1));
    const key = new KeyboardEvent('keydown', { key: 'p', ctrlKey: true, cancelable: true });
    window.dispatchEvent(key);
    expect(key.defaultPrevented).toBe(true);
    await waitFor(() => expect(dialog).toHaveBeenCalledTimes(2));
  });
});

describe('Close shift', () => {
  function mainWith(view: OperatorsView) {
    let current = view;
    return {
      getOperators: () => current,
      sealSecret: fakeSeal,
      signOut: () => (current = { ...current, session: null }),
    };
  }

  it('records the summary in a shift-closed row naming the operator, signs out, and the next summary starts from it', async () => {
    as(maria);
    await issue(db, {}, 1_000);
    const { fake } = startApp(db, mainWith(signedInAs(MARIA)), { now: () => 20_000 });
    fireEvent.keyDown(document.body, { key: 'F9' });
    const slip = await screen.findByRole('article', { name: 'End-of-shift summary' });
    await within(slip).findByText('This counter has not closed a shift before.');
    fireEvent.click(screen.getByRole('button', { name: 'Close shift' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Close the shift?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close shift' }));
    await screen.findByRole('form', { name: 'Sign in with a PIN' });
    expect(screen.queryByRole('navigation', { name: 'Screens' })).toBeNull();
    expect(fake.calls.filter((call) => call.channel === 'signOut')).toHaveLength(1);
    const last = await db.audit.orderBy(':id').last();
    expect(last).toMatchObject({ action: CLOSE_SHIFT, at: 20_000, operator: 'Maria', operatorId: MARIA.id, outcome: 'local' });
    expect(last?.detail).toMatch(/^Shift closed\. Whole counter: issued 1, handed out 0, switched 0, edited 0, still pending 1, needing attention 0\. Maria: issued 1,/);
    const next = await shiftSummary(db, 21_000);
    expect(next).toMatchObject({ since: 20_000, counter: counts({ stillPending: 1 }) });
  });

  it('keeps the row and says so when main cannot sign the operator out', async () => {
    const { fake } = startApp(db, {
      getOperators: () => signedInAs(NIKOS),
      signOut: () => {
        throw new Error('Main is not answering.');
      },
    });
    fireEvent.keyDown(document.body, { key: 'F9' });
    fireEvent.click(await screen.findByRole('button', { name: 'Close shift' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Close the shift?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close shift' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'The shift is closed and recorded, but signing out failed: Token Desk could not do this: Main is not answering. Use Switch operator to sign out.',
    );
    expect(fake.calls.some((call) => call.channel === 'signOut')).toBe(true);
    expect(await db.audit.where('tokenLocalId').equals('').toArray()).toMatchObject([{ action: CLOSE_SHIFT, operator: 'Nikos' }]);
  });
});
