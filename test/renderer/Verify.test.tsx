import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Operation, OperationResult } from '../../shared/ipc/contract';
import type { TokenDeskDatabase } from '../../renderer/storage/database';
import { applyServerTokens } from '../../renderer/storage/serverCopies';
import { footer, nav, startApp } from './appHarness';
import { closeTestDb, doneResult, openTestDb, serverToken } from './support';

let db: TokenDeskDatabase;
beforeEach(() => {
  db = openTestDb();
});
afterEach(async () => {
  cleanup();
  await closeTestDb(db);
});

const pending = serverToken({ id: 'P'.repeat(32), number: 'AT0000000136', authenticationCode: 'ET7Q2M9K4D6F8H1J', identifier: null, lifeCycleState: 'PENDING_VERIFICATION' });
const RIGHT = 'K9P2W5';
const WRONG = 'QX7Z';
const REFUSAL = 'The CRM did not accept this verification code. It said: The verification code is wrong. Ask the customer for the code they received and enter it again.';

/** A CRM that knows the customer's code: the fake seal keeps only the length, so the right code is the one of its length. */
function crmVerifying(op: Operation): OperationResult {
  if (op.kind !== 'verify') return doneResult(op);
  if (op.sealedVerificationCode !== `sealed:${RIGHT.length}:opaque`) {
    return { seq: op.seq, outcome: 'parked', error: { code: 'ACME.FAULT.INVALID_VALUE', message: REFUSAL, reason: 'verificationRefused' } };
  }
  return doneResult(op, { ...pending, lifeCycleState: 'EFFECTIVE', updatedDate: '2026-11-24T10:00:00' });
}

async function openPendingToken() {
  fireEvent.change(screen.getByRole('searchbox', { name: 'Search tokens' }), { target: { value: pending.authenticationCode } });
  fireEvent.keyDown(screen.getByRole('searchbox', { name: 'Search tokens' }), { key: 'Enter' });
  return screen.findByRole('heading', { name: `Token ${pending.number}` });
}

async function typeCode(form: HTMLElement, code: string, submit: string) {
  fireEvent.change(within(form).getByLabelText('Verification code'), { target: { value: code } });
  fireEvent.click(within(form).getByRole('button', { name: submit }));
}

describe('Verify', () => {
  it('queues the customer’s code sealed; a refused code is fixed in Pending; the token turns effective once the CRM accepts', async () => {
    await applyServerTokens(db, [pending], 1_000);
    const { fake } = startApp(db, { pushOperations: ({ operations }) => ({ crm: 'ok', message: null, results: operations.map(crmVerifying) }) });
    await openPendingToken();
    expect(screen.getByRole('note', { name: 'Effective switch' }).textContent).toContain('pending verification');
    expect(screen.queryByRole('switch', { name: 'Effective' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    const form = await screen.findByRole('form', { name: 'Verify token' });
    await typeCode(form, '  ', 'Verify');
    expect(await within(form).findByText('Type the verification code the customer received.')).toBeTruthy();
    expect(await db.outbox.count()).toBe(0);

    await typeCode(form, WRONG, 'Verify');
    expect(await screen.findByText(/^The verification code waits to be sent/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Verify' })).toBeNull();
    expect((await db.outbox.toArray()).map((row) => row.op)).toMatchObject([{ kind: 'verify', sealedVerificationCode: `sealed:${WRONG.length}:opaque` }]);

    fireEvent.click(footer().getByRole('button', { name: 'Sync now' }));
    fireEvent.click(nav().getByRole('button', { name: 'Pending' }));
    const card = await screen.findByRole('article', { name: /^Refused: verify/ });
    expect(within(card).getByText(REFUSAL, { exact: false })).toBeTruthy();
    const fix = within(card).getByRole('form', { name: 'Fix verification code' });
    await typeCode(fix, RIGHT, 'Send code again');
    fireEvent.click(await footer().findByRole('button', { name: 'Sync now' }));
    expect(await screen.findByText(/^Nothing needs attention/)).toBeTruthy();
    await waitFor(async () => expect(await db.outbox.count()).toBe(0));
    expect((await db.tokens.toArray()).map((t) => t.lifeCycleState)).toEqual(['EFFECTIVE']);

    // Main sealed each code; only the sealed form went on, and nothing kept the plain code.
    expect(fake.calls.filter((call) => JSON.stringify(call.payload).includes(WRONG) || JSON.stringify(call.payload).includes(RIGHT)).map((c) => c.channel)).toEqual([
      'sealSecret',
      'sealSecret',
    ]);
    const stored = JSON.stringify(await Promise.all([db.tokens.toArray(), db.outbox.toArray(), db.audit.toArray(), db.meta.toArray()]));
    expect(stored).not.toContain(WRONG);
    expect(stored).not.toContain(RIGHT);
    expect((await db.audit.toArray()).map((a) => a.detail)).toEqual(expect.arrayContaining(['Verification code entered', 'Verification code entered again']));
  });
});
