import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Operation, PushReply, SettingsInput, SettingsView } from '../../shared/ipc/contract';
import { App } from '../../renderer/App';
import type { TokenDeskDatabase } from '../../renderer/storage/database';
import { createAppServices } from '../../renderer/services';
import { MANAGER_SIGNED_IN, MARIA, signedInAs } from './appHarness';
import { closeTestDb, doneResult, fakeSeal, fakeTokenDesk, issue, openTestDb, type FakeTokenDesk } from './support';

let db: TokenDeskDatabase;
let fake: FakeTokenDesk;
let settings: SettingsView;
let pushReply: (operations: Operation[]) => PushReply;

beforeEach(() => {
  db = openTestDb();
  settings = { crmUrl: '', organisation: '', username: '', unit: '', passwordSet: false, configured: false, pushConcurrency: 4, allowUnencrypted: false, unencrypted: false, waitingMoveFrom: [], damage: null };
  pushReply = (operations) => ({ crm: 'ok', message: null, results: operations.map((op) => doneResult(op, { number: '7001' })) });
  fake = fakeTokenDesk({
    ...MANAGER_SIGNED_IN,
    getSettings: () => settings,
    saveSettings: (input: SettingsInput) => {
      if (input.organisation === 'locked') throw new Error('The OS keychain is not available');
      settings = {
        crmUrl: input.crmUrl,
        organisation: input.organisation,
        username: input.username,
        unit: input.unit ?? settings.unit,
        passwordSet: input.password === undefined ? settings.passwordSet : input.password !== '',
        configured: input.crmUrl !== '',
        pushConcurrency: input.pushConcurrency ?? settings.pushConcurrency,
        allowUnencrypted: input.allowUnencrypted ?? settings.allowUnencrypted,
        unencrypted: false,
        waitingMoveFrom: [],
        damage: null,
      };
      return settings;
    },
    sealSecret: fakeSeal,
    pushOperations: ({ operations }) => pushReply(operations),
  });
  render(<App services={createAppServices(db, fake.api, { autoSync: false, operators: signedInAs(MARIA) })} />);
});

afterEach(async () => {
  cleanup();
  await closeTestDb(db);
});

const nav = () => within(screen.getByRole('navigation', { name: 'Screens' }));
const footer = () => within(screen.getByRole('contentinfo', { name: 'Sync status' }));
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

async function issueFromForm(identifier: string, passCode: string): Promise<string> {
  fireEvent.click(nav().getByRole('button', { name: 'Issue' }));
  type('Identifier', identifier);
  type('Pass code', passCode);
  fireEvent.click(screen.getByRole('button', { name: 'Issue token' }));
  const output = await screen.findByRole('status', { name: 'Issued authentication code' });
  return output.textContent ?? '';
}

describe('App shell', () => {
  it('starts on Find with the status bar showing an empty, never-synced queue', async () => {
    expect(nav().getByRole('button', { name: 'Find' })).toHaveProperty('ariaCurrent', 'page');
    expect(screen.getByRole('searchbox', { name: 'Search tokens' })).toBe(document.activeElement);
    expect(await footer().findByText('0 pending')).toBeTruthy();
    expect(footer().getByText('Not synced yet')).toBeTruthy();
    expect(footer().getByText('Last sync: never')).toBeTruthy();
  });

  it('leads to Settings with a setup card until a CRM is configured', async () => {
    fireEvent.click(await screen.findByRole('button', { name: 'Open Settings to connect a CRM' }));
    const form = await screen.findByRole('form', { name: 'Settings' });
    expect(screen.queryByRole('region', { name: 'Set up this counter' })).toBeNull();
    type('CRM URL', 'https://crm.example.com');
    type('Organisation', 'Acme');
    type('Username', 'counter1');
    type('Password', 's3cret');
    fireEvent.click(within(form).getByRole('button', { name: 'Save CRM sign-in' }));
    await screen.findByText('Settings saved');
    fireEvent.click(nav().getByRole('button', { name: 'Find' }));
    await screen.findByRole('searchbox', { name: 'Search tokens' });
    expect(screen.queryByRole('region', { name: 'Set up this counter' })).toBeNull();
  });
});

describe('Issue', () => {
  it('shows field errors next to the fields and writes nothing', async () => {
    fireEvent.click(nav().getByRole('button', { name: 'Issue' }));
    expect(nav().getByRole('button', { name: 'Issue' })).toHaveProperty('ariaCurrent', 'page');
    type('Identifier', 'ab');
    type('Pass code', '12');
    fireEvent.click(screen.getByRole('button', { name: 'Issue token' }));

    const identifierError = await screen.findByText('Identifier must be at least 4 characters.');
    expect(identifierError.getAttribute('role')).toBe('alert');
    expect(screen.getByLabelText('Identifier').getAttribute('aria-describedby')).toBe(identifierError.id);
    expect(screen.getByLabelText('Identifier').getAttribute('aria-invalid')).toBe('true');
    // The focus goes to the first field in error, where the fix is typed.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Identifier')));
    const passCodeError = screen.getByText('Pass code must be at least 4 characters.');
    expect(screen.getByLabelText('Pass code').getAttribute('aria-describedby')).toContain(passCodeError.id);
    expect(await db.tokens.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(fake.calls.some((call) => call.channel === 'sealSecret')).toBe(false);
    expect(footer().getByText('0 pending')).toBeTruthy();
  });

  it('issues a token: shows its code, queues it and counts it as pending', async () => {
    const code = await issueFromForm('CARD1234', '987654');
    const [token] = await db.tokens.toArray();
    expect(code).toBe(token?.authenticationCode);
    expect(code).toMatch(/^[A-Z0-9]{16}$/);
    const slip = screen.getByRole('article', { name: 'Your loyalty access token' });
    expect(within(slip).getByText('CARD1234', { selector: 'dd' })).toBeTruthy();
    expect(within(slip).getByRole('img', { name: `QR code of authentication code ${code}` })).toBeTruthy();
    expect(within(slip).queryByText('987654')).toBeNull();
    expect(screen.getByText('Queued — will sync when online')).toBeTruthy();
    expect(within(slip).getByText('To be confirmed by the CRM')).toBeTruthy();
    expect(within(slip).queryByText('Classification')).toBeNull();
    expect(within(slip).queryByText('None')).toBeNull();
    expect([...slip.querySelectorAll('.code-group')].map((group) => group.textContent)).toEqual(code.match(/.{4}/g));
    expect(await footer().findByText('1 pending')).toBeTruthy();
    expect(JSON.stringify(await db.outbox.toArray())).not.toContain('987654');

    fireEvent.click(screen.getByRole('button', { name: 'Issue another' }));
    expect((screen.getByLabelText('Pass code') as HTMLInputElement).value).toBe('');
    fireEvent.click(nav().getByRole('button', { name: 'Find' }));
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search tokens' }), { target: { value: code } });
    fireEvent.click(await screen.findByRole('button', { name: new RegExp(code) }));
    expect(await screen.findByRole('heading', { name: 'Token (not yet synced)' })).toBeTruthy();
  });

  it('after a save, "Next customer" goes back to Find with an empty, focused search', async () => {
    await issueFromForm('CARD5678', '987654');
    fireEvent.click(screen.getByRole('button', { name: 'Next customer' }));
    const search = await screen.findByRole('searchbox', { name: 'Search tokens' });
    expect((search as HTMLInputElement).value).toBe('');
    await waitFor(() => expect(document.activeElement).toBe(search));
    fireEvent.click(nav().getByRole('button', { name: 'Issue' }));
    expect(await screen.findByRole('form', { name: 'Issue token' })).toBeTruthy();
  });

  it('saves with Ctrl+Enter from any field', async () => {
    fireEvent.click(nav().getByRole('button', { name: 'Issue' }));
    type('Identifier', 'CARD3456');
    type('Pass code', '987654');
    fireEvent.keyDown(screen.getByLabelText('Pass code'), { key: 'Enter', code: 'Enter', ctrlKey: true });
    expect(await screen.findByRole('status', { name: 'Issued authentication code' }, { timeout: 5_000 })).toBeTruthy();
  });

  it('opens the slip\'s token', async () => {
    await issueFromForm('CARD9012', '987654');

    fireEvent.click(screen.getByRole('button', { name: 'Open token' }));
    expect(await screen.findByRole('heading', { name: 'Token (not yet synced)' })).toBeTruthy();
  });

  it('generates an identifier and a pass code from the definition', async () => {
    fireEvent.click(nav().getByRole('button', { name: 'Issue' }));
    fireEvent.click(screen.getByRole('button', { name: 'Generate identifier' }));
    fireEvent.click(screen.getByRole('button', { name: 'Generate pass code' }));
    await waitFor(() => expect((screen.getByLabelText('Identifier') as HTMLInputElement).value).toMatch(/^[A-Z0-9]{10}$/));
    await waitFor(() => expect((screen.getByLabelText('Pass code') as HTMLInputElement).value).toMatch(/^[0-9]{6}$/));
    expect(screen.getByLabelText('Pass code').getAttribute('type')).toBe('password');
    const passCode = (screen.getByLabelText('Pass code') as HTMLInputElement).value;
    expect(screen.getByText(passCode).closest('p')?.textContent).toContain('tell it to the customer');
  });
});

describe('Find and Token detail', () => {
  it('finds tokens from the local cache as the operator types', async () => {
    await issue(db, { authenticationCode: 'AAAA1111BBBB2222', identifier: 'CARD0001' });
    await issue(db, { authenticationCode: 'CCCC3333DDDD4444', identifier: 'VIP0001' });
    const search = screen.getByRole('searchbox', { name: 'Search tokens' });

    fireEvent.change(search, { target: { value: 'card' } });
    const results = await screen.findByRole('list', { name: 'Search results' });
    await waitFor(() => expect(within(results).getAllByRole('button')).toHaveLength(1));
    expect(within(results).getByRole('button').textContent).toBe('AAAA1111BBBB2222 · CARD0001 · Effective · Pending');

    fireEvent.change(search, { target: { value: 'nothing-like-this' } });
    expect(await screen.findByText('No token matches')).toBeTruthy();

    fireEvent.change(search, { target: { value: 'CCCC3333DDDD4444' } });
    fireEvent.click(await screen.findByRole('button', { name: /CCCC3333DDDD4444/ }));
    expect(await screen.findByRole('heading', { name: 'Token (not yet synced)' })).toBeTruthy();
    expect(screen.getByText('VIP0001')).toBeTruthy();
  });

  it('switches a token off and queues the change', async () => {
    const token = await issue(db);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search tokens' }), { target: { value: token.authenticationCode } });
    fireEvent.click(await screen.findByRole('button', { name: new RegExp(token.authenticationCode) }));
    const toggle = await screen.findByRole('switch', { name: 'Effective' });
    expect(toggle.getAttribute('aria-checked')).toBe('true');

    fireEvent.click(toggle);
    const dialog = await screen.findByRole('alertdialog', { name: 'Set this token to Not effective?' });
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Set not effective' }));
    await waitFor(() => expect(screen.getByRole('switch', { name: 'Effective' }).getAttribute('aria-checked')).toBe('false'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await footer().findByText('2 pending')).toBeTruthy();
    expect((await db.outbox.toArray()).map((row) => row.op.kind)).toEqual(['create', 'setState']);
    expect(screen.getByText('Not effective', { selector: 'dd' })).toBeTruthy();
  });
});

describe('Sync now', () => {
  it('pushes the queue through the api and shows what the CRM confirmed', async () => {
    await issueFromForm('CARD1234', '987654');
    await footer().findByText('1 pending');
    fireEvent.click(footer().getByRole('button', { name: 'Sync now' }));
    expect(footer().getByRole('button', { name: 'Syncing…' })).toHaveProperty('disabled', true);

    expect(await footer().findByText('0 pending')).toBeTruthy();
    expect(await footer().findByText('Online')).toBeTruthy();
    await waitFor(() => expect(footer().queryByText('Last sync: never')).toBeNull());
    expect(await footer().findByRole('button', { name: 'Sync now' })).toHaveProperty('disabled', false);
    const push = fake.calls.find((call) => call.channel === 'pushOperations');
    expect(push?.payload).toMatchObject({ operations: [{ kind: 'create', identifier: 'CARD1234', sealedPassCode: 'sealed:6:opaque', attempt: 1 }] });

    fireEvent.click(screen.getByRole('button', { name: 'Open token' }));
    expect(await screen.findByRole('heading', { name: 'Token 7001' })).toBeTruthy();
    expect(screen.getByText('Synced')).toBeTruthy();
  });

  it('shows that the CRM is unreachable and keeps the change queued', async () => {
    pushReply = (operations) => ({
      crm: 'unreachable',
      message: 'Cannot reach the CRM',
      results: operations.map((op) => ({ seq: op.seq, outcome: 'retry', error: { code: 'NETWORK', message: 'down' } })),
    });
    await issue(db);
    fireEvent.click(footer().getByRole('button', { name: 'Sync now' }));
    expect(await footer().findByText('Offline — CRM unreachable')).toBeTruthy();
    expect(await footer().findByText('1 pending')).toBeTruthy();
    expect(await footer().findByText('1 change kept here until the CRM can be reached')).toBeTruthy();
  });

  it('says Offline when the browser is offline', async () => {
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      act(() => {
        window.dispatchEvent(new Event('offline'));
      });
      expect(await footer().findByText('Offline — no network')).toBeTruthy();
    } finally {
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => true });
      act(() => {
        window.dispatchEvent(new Event('online'));
      });
    }
  });
});

describe('Settings', () => {
  it('saves through the api and confirms', async () => {
    fireEvent.click(nav().getByRole('button', { name: 'Settings' }));
    const form = await screen.findByRole('form', { name: 'Settings' });
    type('CRM URL', 'https://crm.example.com');
    type('Organisation', 'Acme');
    type('Username', 'counter1');
    type('Password', 's3cret');
    fireEvent.click(within(form).getByRole('button', { name: 'Save CRM sign-in' }));

    expect(await screen.findByText('Settings saved')).toBeTruthy();
    const save = fake.calls.find((call) => call.channel === 'saveSettings');
    expect(save?.payload).toEqual({ crmUrl: 'https://crm.example.com', organisation: 'Acme', username: 'counter1', password: 's3cret', allowUnencrypted: false });
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
    expect(screen.getByLabelText('Password').getAttribute('placeholder')).toMatch(/password is stored/);
  });

  it('keeps the stored password when the field is left blank, and shows api errors', async () => {
    settings = { crmUrl: 'https://crm.example.com', organisation: 'Acme', username: 'counter1', unit: '', passwordSet: true, configured: true, pushConcurrency: 4, allowUnencrypted: false, unencrypted: false, waitingMoveFrom: [], damage: null };
    fireEvent.click(nav().getByRole('button', { name: 'Settings' }));
    await waitFor(() => expect((screen.getByLabelText('CRM URL') as HTMLInputElement).value).toBe('https://crm.example.com'));
    type('Organisation', 'locked');
    fireEvent.click(screen.getByRole('button', { name: 'Save CRM sign-in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Token Desk could not do this: The OS keychain is not available');
    expect(fake.calls.find((call) => call.channel === 'saveSettings')?.payload).not.toHaveProperty('password');
  });

  it('refuses a malformed CRM URL before calling the api', async () => {
    fireEvent.click(nav().getByRole('button', { name: 'Settings' }));
    await screen.findByRole('form', { name: 'Settings' });
    type('CRM URL', 'crm.example.com');
    fireEvent.click(screen.getByRole('button', { name: 'Save CRM sign-in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The CRM URL must start with http:// or https://.');
    expect(fake.calls.some((call) => call.channel === 'saveSettings')).toBe(false);
  });
});
