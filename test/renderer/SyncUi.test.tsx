import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CrmCode } from '../../shared/crm/statusCodes';
import type { Operation, OperationResult, PushReply } from '../../shared/ipc/contract';
import type { ServerToken } from '../../shared/token/serverToken';
import { App } from '../../renderer/App';
import { applyResults } from '../../renderer/outbox';
import type { TokenDeskDatabase } from '../../renderer/storage/database';
import { editToken } from '../../renderer/commands/tokenWrites';
import { takeBatch } from '../../renderer/outbox';
import { createAppServices, type AppServices } from '../../renderer/services';
import { MANAGER_SIGNED_IN, MARIA, signedInAs } from './appHarness';
import { closeTestDb, doneResult, fakeSeal, fakeTokenDesk, issue, issueSynced, openTestDb, serverToken, type FakeTokenDesk } from './support';

let db: TokenDeskDatabase;
let fake: FakeTokenDesk;
let services: AppServices;
let clock: number;
let pushReply: (operations: Operation[]) => PushReply | Promise<PushReply>;
let participantReply: ServerToken[];

function start(options: { autoSync?: boolean } = {}) {
  services = createAppServices(db, fake.api, { now: () => clock, autoSync: options.autoSync ?? false, debounceMs: 20, sync: { config: { stockLevel: 0 } }, operators: signedInAs(MARIA) });
  render(<App services={services} />);
}

beforeEach(() => {
  db = openTestDb();
  clock = Date.now();
  participantReply = [];
  pushReply = (operations) => ({ crm: 'ok', message: null, results: operations.map((op) => doneResult(op)) });
  fake = fakeTokenDesk({
    ...MANAGER_SIGNED_IN,
    sealSecret: fakeSeal,
    getSettings: () => ({ crmUrl: '', organisation: '', username: '', unit: '', passwordSet: false, configured: false, pushConcurrency: 4, allowUnencrypted: false, unencrypted: false, waitingMoveFrom: [], damage: null }),
    pushOperations: ({ operations }) => pushReply(operations),
    participantTokens: ({ participantNumber }) => ({ crm: 'ok', message: null, participant: null, tokens: participantNumber === '29' ? participantReply : [] }),
  });
});

afterEach(async () => {
  cleanup();
  await closeTestDb(db);
});

const footer = () => within(screen.getByRole('contentinfo', { name: 'Sync status' }));

async function openToken(code: string) {
  fireEvent.change(screen.getByRole('searchbox', { name: 'Search tokens' }), { target: { value: code } });
  fireEvent.click(await screen.findByRole('button', { name: new RegExp(code) }));
}

function conflictFor(op: Operation): OperationResult {
  const token = serverToken({ authenticationCode: op.authenticationCode, identifier: 'CRM00001', updatedDate: '2024-07-01T00:00:00' });
  return { seq: op.seq, outcome: 'conflict', token, conflicts: [{ field: 'identifier', crm: 'CRM00001', mine: 'MINE0001' }] };
}

describe('status bar', () => {
  it('shows queue depth, the oldest pending age, parked and conflict counts and the last error', async () => {
    await issue(db, {}, clock - 5 * 60_000 - 1_000);
    await issue(db, {}, clock - 60_000);
    await issue(db, {}, clock);
    pushReply = (operations) => ({
      crm: 'ok',
      message: null,
      results: [
        { seq: operations[0]!.seq, outcome: 'parked', error: { code: 'COM.CRM.X', message: 'Refused' } },
        conflictFor(operations[1]!),
        { seq: operations[2]!.seq, outcome: 'retry', error: { code: 'TIMEOUT', message: 'The CRM timed out' } },
      ],
    });
    start();
    expect(await footer().findByText('3 pending')).toBeTruthy();
    expect(footer().getByText('oldest 5 min')).toBeTruthy();

    fireEvent.click(footer().getByRole('button', { name: 'Sync now' }));
    expect(await footer().findByText('1 pending')).toBeTruthy();
    expect(await footer().findByText('1 need attention')).toBeTruthy();
    expect(footer().getByText('1 conflict')).toBeTruthy();
    expect(footer().getByText('oldest under 1 min')).toBeTruthy();
    // The counts follow the database live; the last error comes when the whole sync has reported.
    expect((await footer().findByText('The CRM timed out (TIMEOUT)')).closest('details')?.textContent).toContain('Details');
    expect(footer().getByText('Online')).toBeTruthy();
  });

  it('shows "Syncing n of m" while main works through the queue', async () => {
    for (let i = 0; i < 4; i += 1) await issue(db);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    pushReply = async (operations) => {
      fake.emit('syncProgress', { running: true, done: 2, total: 4, lastError: null });
      await gate;
      return { crm: 'ok', message: null, results: operations.map((op) => doneResult(op)) };
    };
    start();
    await footer().findByText('4 pending');
    fireEvent.click(footer().getByRole('button', { name: 'Sync now' }));
    expect(await footer().findByText('Syncing 2 of 4', {}, { timeout: 2_000 })).toBeTruthy();
    const bar = footer().getByRole('progressbar', { name: 'Sync progress' });
    expect([bar.getAttribute('aria-valuenow'), bar.getAttribute('aria-valuemax')]).toEqual(['2', '4']);
    expect(footer().getByRole('button', { name: 'Syncing…' })).toHaveProperty('disabled', true);
    release();
    expect(await footer().findByText('0 pending')).toBeTruthy();
    await waitFor(() => expect(footer().queryByText(/^Syncing \d/)).toBeNull());
    expect(footer().queryByRole('progressbar')).toBeNull();
  });

  it('puts a banner at the top when the CRM refuses the sign-in', async () => {
    await issue(db);
    pushReply = (operations) => ({
      crm: 'loginFailed',
      message: 'Wrong username or password',
      results: operations.map((op) => ({ seq: op.seq, outcome: 'blocked' })),
    });
    start();
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(footer().getByRole('button', { name: 'Sync now' }));
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toBe('The CRM refused the sign-in. Check Settings — your changes stay queued.');
    expect(footer().getByText('Sign-in to CRM failed')).toBeTruthy();
    expect(await footer().findByText('1 pending')).toBeTruthy();
  });

  it('syncs by itself: at start-up and shortly after a local change', async () => {
    start({ autoSync: true });
    await waitFor(() => expect(fake.calls.filter((c) => c.channel === 'pushOperations')).toHaveLength(1));
    expect(fake.calls.find((c) => c.channel === 'pushOperations')?.payload).toEqual({ operations: [] });
    const token = await issue(db);
    await waitFor(() => expect(fake.calls.filter((c) => c.channel === 'pushOperations')).toHaveLength(2));
    await waitFor(async () => expect((await db.tokens.get(token.localId))?.syncStatus).toBe('synced'));
    expect(await footer().findByText('0 pending')).toBeTruthy();
  });
});

describe('token detail: sync problems', () => {
  /** My identifier edit met another counter's: the token detail of that conflict. */
  async function openConflictedToken() {
    const token = await issueSynced(db);
    await editToken(db, token.localId, { identifier: 'MINE0001', sealedPassCode: 'sealed:4' }, clock);
    const [op] = await takeBatch(db, 10, clock);
    await applyResults(db, [conflictFor(op!)], clock);
    start();
    await openToken(token.authenticationCode);
  }

  it('shows a conflict side by side; "Keep CRM value" keeps it', async () => {
    await openConflictedToken();

    expect(await screen.findByText(/^Conflict — Changed in the CRM meanwhile/)).toBeTruthy();
    const conflict = await screen.findByRole('region', { name: 'Conflict' });
    const row = within(conflict).getByRole('row', { name: /identifier/ });
    expect(within(row).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['CRM00001', 'MINE0001']);
    fireEvent.click(within(conflict).getByRole('button', { name: 'Keep CRM value' }));
    expect(await screen.findByText('Synced', { selector: 'dd' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Conflict' })).toBeNull();
    expect(screen.getByText('CRM00001', { selector: 'dd' })).toBeTruthy();
  });

  it('"Apply mine" queues my value again', async () => {
    await openConflictedToken();
    fireEvent.click(await screen.findByRole('button', { name: 'Apply mine' }));
    expect(await screen.findByText('Pending', { selector: 'dd' })).toBeTruthy();
    expect(screen.getByText('MINE0001', { selector: 'dd' })).toBeTruthy();
    expect(await footer().findByText('1 pending')).toBeTruthy();
  });

  it('fixes a duplicate identifier from another counter and sends the create again with the same code', async () => {
    const token = await issue(db, { identifier: 'CARD0001' });
    const [op] = await takeBatch(db, 10, clock);
    const error = { code: CrmCode.identifierExists, message: 'Identifier CARD0001 already exists in the CRM.' };
    await applyResults(db, [{ seq: op!.seq, outcome: 'parked', error }], clock);
    start();
    await openToken(token.authenticationCode);
    expect(await screen.findByText(`Needs attention — ${error.message}`)).toBeTruthy();

    const form = await screen.findByRole('form', { name: 'Fix identifier' });
    fireEvent.change(within(form).getByLabelText('Identifier'), { target: { value: 'x' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save and retry' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Identifier must be at least 4 characters.');

    fireEvent.change(within(form).getByLabelText('Identifier'), { target: { value: 'CARD0002' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save and retry' }));
    expect(await screen.findByText('Pending', { selector: 'dd' })).toBeTruthy();
    fireEvent.click(footer().getByRole('button', { name: 'Sync now' }));
    expect(await screen.findByText('Synced', { selector: 'dd' })).toBeTruthy();
    const sent = fake.calls.filter((c) => c.channel === 'pushOperations').at(-1)?.payload;
    expect(sent).toMatchObject({ operations: [{ kind: 'create', identifier: 'CARD0002', authenticationCode: token.authenticationCode, attempt: 2 }] });
  });

  it('offers "Retry" for other parked changes', async () => {
    const token = await issue(db);
    const [op] = await takeBatch(db, 10, clock);
    await applyResults(db, [{ seq: op!.seq, outcome: 'parked', error: { code: CrmCode.participantNotFound, message: 'No such participant' } }], clock);
    start();
    await openToken(token.authenticationCode);
    fireEvent.click(await screen.findByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Pending', { selector: 'dd' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });
});

describe('token detail: edit and participant', () => {
  it('edits the identifier with a new pass code, sealed, and queues the update', async () => {
    const token = await issueSynced(db);
    start();
    await openToken(token.authenticationCode);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit identifier' }));
    const form = screen.getByRole('form', { name: 'Edit identifier' });
    fireEvent.change(within(form).getByLabelText('New identifier'), { target: { value: 'NEWCARD1' } });
    fireEvent.change(within(form).getByLabelText('New pass code'), { target: { value: '12' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save identifier' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Pass code must be at least 4 characters.');

    fireEvent.change(within(form).getByLabelText('New pass code'), { target: { value: '4321' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save identifier' }));
    expect(await screen.findByText('NEWCARD1', { selector: 'dd' })).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Edit identifier' })).toBeNull();
    const [row] = await db.outbox.toArray();
    expect(row?.op).toMatchObject({ kind: 'update', identifier: 'NEWCARD1', sealedPassCode: 'sealed:4:opaque' });
    expect(JSON.stringify(await db.outbox.toArray())).not.toContain('4321');
  });

  it("pulls the participant's tokens from the CRM and lists them", async () => {
    const token = await issueSynced(db);
    participantReply = [
      serverToken({ id: 'O'.repeat(32), number: '8001', authenticationCode: 'OTHERCARD1234567', identifier: 'FAMILY01' }),
    ];
    start();
    await openToken(token.authenticationCode);
    const list = await screen.findByRole('list', { name: 'Participant tokens' });
    await waitFor(() => expect(within(list).getAllByRole('button')).toHaveLength(2));
    expect(within(list).getByRole('button', { name: /OTHERCARD1234567 · FAMILY01/ })).toBeTruthy();
    expect(fake.calls.find((c) => c.channel === 'participantTokens')?.payload).toEqual({ participantNumber: '29' });
    await act(async () => {
      fireEvent.click(within(list).getByRole('button', { name: /OTHERCARD1234567/ }));
    });
    expect(await screen.findByRole('heading', { name: 'Token 8001' })).toBeTruthy();
  });
});
