import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperatorsView, OperatorSummary, SignIn } from '../../../shared/ipc/contract';
import { applyResults, takeBatch } from '../../../renderer/outbox';
import type { Timer } from '../../../renderer/services';
import type { TokenDeskDatabase } from '../../../renderer/storage/database';
import { MARIA, NIKOS, nav, signedInAs, startApp } from '../appHarness';
import { closeTestDb, issue, openTestDb } from '../support';
import { WordedError } from '../../../electron/wordedError';

let db: TokenDeskDatabase;
beforeEach(() => {
  db = openTestDb();
});
afterEach(async () => {
  cleanup();
  await closeTestDb(db);
});

const PINS: Record<string, string> = { [MARIA.id]: '2468', [NIKOS.id]: '1357' };
const BADGES: Record<string, OperatorSummary> = { 'BADGE-NIKOS-77': NIKOS };

/** Main's sign-in as the renderer sees it: who is signed in at this window, checked by PIN or badge. */
function fakeMain(start: OperatorsView) {
  let view = start;
  const set = (next: OperatorsView) => (view = next);
  return {
    get view() {
      return view;
    },
    handlers: {
      getOperators: () => view,
      createFirstManager: ({ name }: { name: string }) => set(signedInAs({ ...MARIA, name })),
      signIn: (proof: SignIn) => {
        const operator = 'badge' in proof ? BADGES[proof.badge] : PINS[proof.operatorId] === proof.pin ? view.operators.find((o) => o.id === proof.operatorId) : undefined;
        if (!operator && 'badge' in proof) throw new WordedError({ code: 'badgeUnknown' }, 'This badge belongs to no operator of this counter.');
        if (!operator) throw new WordedError({ code: 'wrongPin', name: 'Nikos', count: 4, minutes: 5 }, 'Wrong PIN.');
        return set(signedInAs(operator));
      },
      lockScreen: () => set(view.session ? { ...view, session: { ...view.session, locked: true } } : view),
      signOut: () => set({ ...view, session: null }),
      addOperator: ({ name, role, badge }: { name: string; role: 'manager' | 'clerk'; badge?: string }) =>
        set({ ...view, operators: [...view.operators, { id: `op-${name}`, name, role, hasBadge: badge !== undefined, lockedUntil: null }] }),
      removeOperator: ({ operatorId }: { operatorId: string }) => set({ ...view, operators: view.operators.filter((o) => o.id !== operatorId) }),
      resetOperator: () => view,
    },
  };
}

const counterNav = async () => within(await screen.findByRole('navigation', { name: 'Screens' }));
const type = (scope: HTMLElement, label: string, value: string) => fireEvent.change(within(scope).getByLabelText(label), { target: { value } });

describe('first start', () => {
  it('asks for the first manager before anything else, checks the PIN twice, then opens the counter', async () => {
    const main = fakeMain({ operators: [], session: null, damage: null });
    startApp(db, main.handlers);
    const form = await screen.findByRole('form', { name: 'Create the first manager' });
    expect(screen.queryByRole('navigation', { name: 'Screens' })).toBeNull();
    type(form, 'Manager’s name', 'Eleni');
    type(form, 'New PIN', '2468');
    type(form, 'New PIN again', '2469');
    fireEvent.click(within(form).getByRole('button', { name: 'Create manager and sign in' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('The two PINs differ. Type the same PIN twice.');
    type(form, 'New PIN again', '2468');
    fireEvent.click(within(form).getByRole('button', { name: 'Create manager and sign in' }));
    expect(await (await counterNav()).findByRole('button', { name: /Settings/ })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Operator' }).textContent).toContain('Signed in: Eleni (manager)');
  });
});

describe('sign-in', () => {
  it('refuses a wrong PIN with main’s words and empties the field; the right one opens the counter, and audit rows name that operator', async () => {
    const main = fakeMain({ operators: [MARIA, NIKOS], session: null, damage: null });
    startApp(db, main.handlers);
    const form = await screen.findByRole('form', { name: 'Sign in with a PIN' });
    fireEvent.change(within(form).getByLabelText('Operator'), { target: { value: NIKOS.id } });
    type(form, 'PIN', '0000');
    fireEvent.click(within(form).getByRole('button', { name: 'Sign in' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Wrong PIN. 4 more tries before Nikos is locked for 5 minutes.');
    expect((within(form).getByLabelText('PIN') as HTMLInputElement).value).toBe('');
    type(form, 'PIN', '1357');
    fireEvent.click(within(form).getByRole('button', { name: 'Sign in' }));
    await (await counterNav()).findByRole('button', { name: /Find/ });
    await issue(db);
    expect(await db.audit.toArray()).toMatchObject([{ action: 'issue', operator: 'Nikos', operatorId: NIKOS.id }]);
  });

  it('signs in with a scanned badge', async () => {
    const main = fakeMain({ operators: [MARIA, NIKOS], session: null, damage: null });
    startApp(db, main.handlers);
    const form = await screen.findByRole('form', { name: 'Sign in with a badge' });
    type(form, 'Badge code', 'BADGE-UNKNOWN');
    fireEvent.submit(form);
    expect((await within(form).findByRole('alert')).textContent).toBe('This badge belongs to no operator of this counter.');
    type(form, 'Badge code', 'BADGE-NIKOS-77');
    fireEvent.submit(form);
    expect((await screen.findByRole('group', { name: 'Operator' })).textContent).toContain('Nikos (clerk)');
  });
});

describe('a clerk', () => {
  it('cannot open Settings, by button or key, and is told why; a CRM and training are a manager’s to set up', async () => {
    const { services } = startApp(db, fakeMain(signedInAs(NIKOS)).handlers);
    const settings = nav().getByRole('button', { name: /Settings/ });
    expect((settings as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Settings are for managers.')).toBeTruthy();
    fireEvent.keyDown(window, { key: 'F8' });
    expect(services.ui.getState().screen).toBe('find');
    expect(await screen.findByText(/Connecting a CRM is for a manager/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Practise in training mode' })).toBeNull();
    expect(screen.getByText(/Training mode is switched on by a manager/)).toBeTruthy();
  });

  it('asks a manager’s PIN to discard a refused change, and the audit names both', async () => {
    const token = await issue(db, { identifier: 'CARD0001' });
    const [create] = await takeBatch(db, 10, 2_000);
    await applyResults(db, [{ seq: create!.seq, outcome: 'parked', error: { code: 'X', message: 'Refused for a reason' } }], 2_500);
    const main = fakeMain(signedInAs(NIKOS));
    const { fake } = startApp(db, {
      ...main.handlers,
      authorize: ({ manager }) => {
        if (!manager || PINS[manager.operatorId] !== manager.pin) throw new WordedError({ code: 'wrongPin', name: 'Maria', count: 4, minutes: 5 }, 'Wrong PIN.');
        return { operator: { id: NIKOS.id, name: NIKOS.name }, approvedBy: { id: MARIA.id, name: MARIA.name } };
      },
    });
    fireEvent.click(nav().getByRole('button', { name: /Pending/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Discard change (a manager approves)' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Discard this change?' });
    expect((within(dialog).getByLabelText('Approving manager') as HTMLSelectElement).value).toBe(MARIA.id);
    type(dialog, 'Manager’s PIN', '9999');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Approve and discard' }));
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/^Wrong PIN/);
    expect(await db.tokens.get(token.localId)).toBeDefined();
    type(dialog, 'Manager’s PIN', '2468');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Approve and discard' }));
    await waitFor(async () => expect(await db.tokens.get(token.localId)).toBeUndefined());
    expect(await db.audit.orderBy('id').last()).toMatchObject({ action: 'discard', operator: 'Nikos', operatorId: NIKOS.id, approvedBy: 'Maria', approvedById: MARIA.id });
    expect(fake.calls.filter((call) => call.channel === 'authorize').map((call) => call.payload)).toEqual([
      { action: 'discardChange', manager: { operatorId: MARIA.id, pin: '9999' } },
      { action: 'discardChange', manager: { operatorId: MARIA.id, pin: '2468' } },
    ]);
  });
});

describe('a manager in Settings', () => {
  it('adds a clerk with a badge, resets a PIN, and removes an operator after a confirmation', async () => {
    const main = fakeMain(signedInAs(MARIA));
    const { fake } = startApp(db, main.handlers);
    fireEvent.click(nav().getByRole('button', { name: /Settings/ }));
    const add = await screen.findByRole('form', { name: 'Add an operator' });
    type(add, 'Name of the new operator', 'Eleni');
    type(add, 'PIN of the new operator', '12');
    fireEvent.click(within(add).getByRole('button', { name: 'Add operator' }));
    expect((await within(add).findByRole('alert')).textContent).toBe('A PIN is 4 to 12 digits.');
    type(add, 'PIN of the new operator', '8642');
    type(add, 'Badge code (optional)', 'BADGE-ELENI-01');
    fireEvent.click(within(add).getByRole('button', { name: 'Add operator' }));
    expect(await within(add).findByText('Eleni can now sign in as clerk.')).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Operators of this counter' });
    expect(within(list).getByText('Eleni')).toBeTruthy();
    expect(within(list).getByRole('button', { name: 'Remove Maria' }).hasAttribute('disabled')).toBe(true);

    fireEvent.click(within(list).getByRole('button', { name: 'Reset PIN of Nikos' }));
    const reset = await screen.findByRole('form', { name: 'New PIN for Nikos' });
    type(reset, 'New PIN for Nikos', '9753');
    fireEvent.click(within(reset).getByRole('button', { name: 'Save new PIN' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'New PIN for Nikos' })).toBeNull());

    fireEvent.click(within(list).getByRole('button', { name: 'Remove Eleni' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove Eleni?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove Eleni' }));
    await waitFor(() => expect(within(list).queryByText('Eleni')).toBeNull());
    expect(fake.calls.filter((call) => ['addOperator', 'resetOperator', 'removeOperator'].includes(call.channel)).map((call) => [call.channel, call.payload])).toEqual([
      ['addOperator', { name: 'Eleni', role: 'clerk', pin: '8642', badge: 'BADGE-ELENI-01' }],
      ['resetOperator', { operatorId: NIKOS.id, pin: '9753' }],
      ['removeOperator', { operatorId: 'op-Eleni' }],
    ]);
  });
});

describe('the screen lock', () => {
  it('locks after the idle time, counted from the last key or click, and the operator signs in again', async () => {
    let clock = 0;
    const timers: Array<{ at: number; fire: () => void; cancelled: boolean }> = [];
    const timer: Timer = (ms, fire) => {
      const entry = { at: clock + ms, fire, cancelled: false };
      timers.push(entry);
      return () => void (entry.cancelled = true);
    };
    const advance = (ms: number) => {
      clock += ms;
      for (const entry of timers.filter((t) => !t.cancelled && t.at <= clock)) {
        entry.cancelled = true;
        entry.fire();
      }
    };
    const main = fakeMain(signedInAs(MARIA));
    startApp(db, main.handlers, { now: () => clock, timer });
    await waitFor(() => expect(timers.some((t) => !t.cancelled)).toBe(true));
    advance(4 * 60_000);
    fireEvent.keyDown(window, { key: 'a' });
    advance(60_000 + 1);
    expect(screen.getByRole('navigation', { name: 'Screens' })).toBeTruthy();
    advance(4 * 60_000);
    const form = await screen.findByRole('form', { name: 'Sign in with a PIN' });
    expect(screen.getByRole('heading', { name: 'Screen locked' })).toBeTruthy();
    expect(main.view.session).toMatchObject({ operator: { id: MARIA.id }, locked: true });
    expect((within(form).getByLabelText('Operator') as HTMLSelectElement).value).toBe(MARIA.id);
    type(form, 'PIN', '2468');
    fireEvent.click(within(form).getByRole('button', { name: 'Sign in' }));
    expect(await (await counterNav()).findByRole('button', { name: /Find/ })).toBeTruthy();
  });

  it('"Switch operator" signs out and another operator signs in', async () => {
    const main = fakeMain(signedInAs(MARIA));
    startApp(db, main.handlers);
    const menu = screen.getByRole('group', { name: 'Operator' }) as HTMLDetailsElement;
    fireEvent.click(within(menu).getByText('Maria', { exact: false, selector: 'summary *' }));
    await waitFor(() => expect(menu.open).toBe(true));
    fireEvent.click(within(menu).getByRole('button', { name: 'Switch operator' }));
    const form = await screen.findByRole('form', { name: 'Sign in with a PIN' });
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Operator'), { target: { value: NIKOS.id } });
    type(form, 'PIN', '1357');
    fireEvent.click(within(form).getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('group', { name: 'Operator' })).textContent).toContain('Nikos (clerk)');
    await issue(db);
    expect(await db.audit.toArray()).toMatchObject([{ operator: 'Nikos', operatorId: NIKOS.id }]);
  });
});
