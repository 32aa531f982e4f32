import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperatorRef, OperatorsView } from '../../../shared/ipc/contract';
import { closeShift } from '../../../renderer/commands';
import { editToken, handOutStock, setLifeCycleState } from '../../../renderer/commands/tokenWrites';
import { applyResults, takeBatch } from '../../../renderer/outbox';
import { shiftCsv } from '../../../renderer/shiftExport';
import type { TokenDeskDatabase } from '../../../renderer/storage/database';
import { applyServerTokens } from '../../../renderer/storage/serverCopies';
import { CLOSE_SHIFT, shiftSummary, type ShiftCounts } from '../../../renderer/storage/shiftSummary';
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

/**
 * A previous shift (Maria issues A, which syncs; Nikos issues B and switches A), closed by Nikos; then
 * this shift: Maria issues C and D and switches C, and the CRM refuses D; Nikos hands out a stock
 * token with an identifier and changes A's identifier; Eleni issues E.
 */
async function seedShifts() {
  as(maria);
  const a = await issue(db, {}, 1_000);
  const [createA] = await takeBatch(db, 10, 1_100, { force: true });
  await applyResults(db, [doneResult(createA!, { identifier: a.identifier })], 1_200);
  as(nikos);
  await issue(db, {}, 2_000);
  await setLifeCycleState(db, a.localId, 'NOT_EFFECTIVE', 3_000);
  await closeShift({ db, now: () => PREVIOUS_CLOSE_AT }, async () => undefined);

  as(maria);
  const c = await issue(db, {}, 6_000);
  const d = await issue(db, {}, 6_100);
  await setLifeCycleState(db, c.localId, 'NOT_EFFECTIVE', 6_200);
  const ops = await takeBatch(db, 50, 6_300, { force: true });
  const createD = ops.find((op) => op.tokenLocalId === d.localId && op.kind === 'create');
  await applyResults(db, [{ seq: createD!.seq, outcome: 'parked', error: { code: 'DUPLICATE', message: 'The identifier is taken.' } }], 6_400);
  as(nikos);
  await applyServerTokens(db, [serverToken({ id: 'S1'.padEnd(32, '0'), number: '701', authenticationCode: 'STOCK1ABCDEFGHJK', identifier: null, participant: null })], 6_500, { stock: true });
  const [stock] = await stockOnHand(db, 1);
  await handOutStock(db, stock!.localId, { identifier: 'STOCKCARD1', sealedPassCode: 'sealed' }, 7_000);
  await editToken(db, a.localId, { identifier: 'RENAMED01', sealedPassCode: 'sealed' }, 7_100);
  as(eleni);
  await issue(db, {}, 8_000);
}

/*
 * What the seeded rows say, step by step. Since the close: Maria issued C and D and switched C; the
 * CRM refused D (needs attention), C's create and switch wait. Nikos handed out one stock token with
 * an identifier (a hand-out and an edit) and edited A; his B create and A switch from the last shift
 * wait too, with the stock token's and A's updates. Eleni issued E, which waits.
 */
const EXPECTED = {
  Eleni: counts({ issued: 1, stillPending: 1 }),
  Maria: counts({ issued: 2, switched: 1, stillPending: 2, needingAttention: 1 }),
  Nikos: counts({ handedOut: 1, edited: 2, stillPending: 4 }),
};
const COUNTER = counts({ issued: 3, handedOut: 1, switched: 1, edited: 2, stillPending: 7, needingAttention: 1 });

describe('the end-of-shift summary', () => {
  it('counts each operator’s audit rows since the last close, and the queue by who queued it', async () => {
    await seedShifts();
    const summary = await shiftSummary(db);
    expect(summary.since).toBe(PREVIOUS_CLOSE_AT);
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

  it('exports as CSV with formulas guarded, one line per operator and one for the counter', async () => {
    await seedShifts();
    const csv = shiftCsv(await shiftSummary(db), 9_000);
    expect(csv[0]).toBe('Since,Until,Operator,Operator ID,Issued,Handed out,Switched,Edited,Still pending,Needing attention\r\n');
    expect(csv.slice(1)).toEqual([
      `1970-01-01T00:00:05.000Z,1970-01-01T00:00:09.000Z,Eleni,${eleni.id},1,0,0,0,1,0\r\n`,
      `1970-01-01T00:00:05.000Z,1970-01-01T00:00:09.000Z,Maria,${maria.id},2,0,1,0,2,1\r\n`,
      `1970-01-01T00:00:05.000Z,1970-01-01T00:00:09.000Z,Nikos,${nikos.id},0,1,0,2,4,0\r\n`,
      '1970-01-01T00:00:05.000Z,1970-01-01T00:00:09.000Z,Whole counter,,3,1,1,2,7,1\r\n',
    ]);
    as({ id: 'op-x', name: '=HYPERLINK("x")' });
    await issue(db, {}, 9_500);
    expect(shiftCsv(await shiftSummary(db), 10_000).join('')).toContain(`"'=HYPERLINK(""x"")",op-x,1,`);
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
    const next = await shiftSummary(db);
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
