import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CrmCode } from '../../shared/crm/statusCodes';
import type { ServerToken } from '../../shared/token/serverToken';
import { applyResults } from '../../renderer/outbox';
import type { TokenDeskDatabase } from '../../renderer/storage/database';
import { applyServerTokens } from '../../renderer/storage/serverCopies';
import { editToken, setLifeCycleState } from '../../renderer/commands/tokenWrites';
import { writeCounterIdentity } from '../../renderer/storage/meta';
import { takeBatch } from '../../renderer/outbox';
import { footer, nav, startApp } from './appHarness';
import { closeTestDb, issue, issueSynced, openTestDb, serverToken } from './support';

let db: TokenDeskDatabase;
beforeEach(() => {
  db = openTestDb();
});
afterEach(async () => {
  cleanup();
  await closeTestDb(db);
});

const openPending = async () => {
  fireEvent.click(nav().getByRole('button', { name: 'Pending' }));
  return screen.findByRole('heading', { name: 'Pending & attention', level: 2 });
};
const attention = () => screen.getByRole('region', { name: /^Needs attention/ });
const queue = () => screen.getByRole('region', { name: /^Queue/ });

describe('Pending & attention', () => {
  it('shows a designed empty state', async () => {
    startApp(db);
    await openPending();
    expect(await within(attention()).findByText(/^Nothing needs attention/)).toBeTruthy();
    expect(within(queue()).getByText(/^The queue is empty/)).toBeTruthy();
  });

  it('lists the outbox in order, and a refused change with the CRM’s reason, Retry and Discard', async () => {
    const refused = await issue(db, { identifier: 'CARD0001' });
    await setLifeCycleState(db, refused.localId, 'NOT_EFFECTIVE', 1_500);
    const other = await issue(db, { identifier: 'CARD0002' });
    const [create, later] = await takeBatch(db, 10, 2_000);
    const error = { code: CrmCode.participantNotFound, message: 'Rewards participant 99 does not exist.' };
    await applyResults(db, [{ seq: create!.seq, outcome: 'parked', error }, { seq: later!.seq, outcome: 'blocked' }], 2_500);
    startApp(db);
    await openPending();

    const rows = await within(queue()).findAllByRole('row');
    expect(rows.slice(1).map((row) => within(row).getAllByRole('cell')[3]?.textContent)).toEqual([
      'Needs attention',
      'Waits for an earlier change',
      'Pending (sent before, outcome unknown or failed)',
    ]);
    expect(within(rows[3]!).getByRole('button', { name: other.authenticationCode })).toBeTruthy();

    // The attention list and the queue table load separately: wait for the card itself.
    const card = await within(attention()).findByRole('article', { name: /^Refused: create/ });
    expect(within(card).getByText(/Rewards participant 99 does not exist\./)).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Retry' })).toBeTruthy();
    expect(within(attention()).getAllByRole('article')).toHaveLength(1);
  });

  it('discards a refused change after a confirmation, and the audit log says who', async () => {
    await writeCounterIdentity(db, { terminalName: 'Counter 2' });
    const token = await issue(db, { identifier: 'CARD0001' });
    const [create] = await takeBatch(db, 10, 2_000);
    await applyResults(db, [{ seq: create!.seq, outcome: 'parked', error: { code: 'X', message: 'Refused for a reason' } }], 2_500);
    startApp(db);
    await openPending();
    const card = await within(attention()).findByRole('article', { name: /^Refused: create/ });
    fireEvent.click(within(card).getByRole('button', { name: 'Discard change' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Discard this change?' });
    expect(dialog.textContent).toContain('never created in the CRM');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(await db.outbox.count()).toBe(1);

    fireEvent.click(within(card).getByRole('button', { name: 'Discard change' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Discard change' }));
    expect(await within(attention()).findByText(/^Nothing needs attention/)).toBeTruthy();
    expect(await db.tokens.get(token.localId)).toBeUndefined();
    expect(await db.audit.orderBy('id').last()).toMatchObject({ action: 'discard', outcome: 'dropped', operator: 'Maria', operatorId: 'op-maria', terminal: 'Counter 2' });
    expect(await footer().findByText('0 pending')).toBeTruthy();
  });

  it('shows a conflict side by side; "Keep CRM value" settles it', async () => {
    const token = await issueSynced(db);
    await editToken(db, token.localId, { identifier: 'MINE0001', sealedPassCode: 's' }, 3_000);
    const [op] = await takeBatch(db, 10, 3_500);
    const crm = serverToken({ authenticationCode: op!.authenticationCode, identifier: 'CRM00001', updatedDate: '2024-07-01T00:00:00' });
    await applyResults(db, [{ seq: op!.seq, outcome: 'conflict', token: crm, conflicts: [{ field: 'identifier', crm: 'CRM00001', mine: 'MINE0001' }] }], 4_000);
    startApp(db);
    await openPending();
    const card = await within(attention()).findByRole('article', { name: /^Conflict: update/ });
    const row = within(card).getByRole('row', { name: /identifier/ });
    expect(within(row).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['CRM00001', 'MINE0001']);
    fireEvent.click(within(card).getByRole('button', { name: 'Keep CRM value' }));
    expect(await within(attention()).findByText(/^Nothing needs attention/)).toBeTruthy();
    expect(await db.tokens.get(token.localId)).toMatchObject({ identifier: 'CRM00001', syncStatus: 'synced' });
  });

  it('"Apply mine" says what it did and keeps the focus on that sentence', async () => {
    const token = await issueSynced(db);
    await editToken(db, token.localId, { identifier: 'MINE0001', sealedPassCode: 's' }, 3_000);
    const [op] = await takeBatch(db, 10, 3_500);
    const crm = serverToken({ authenticationCode: op!.authenticationCode, identifier: 'CRM00001', updatedDate: '2024-07-01T00:00:00' });
    await applyResults(db, [{ seq: op!.seq, outcome: 'conflict', token: crm, conflicts: [{ field: 'identifier', crm: 'CRM00001', mine: 'MINE0001' }] }], 4_000);
    startApp(db);
    await openPending();
    const card = await within(attention()).findByRole('article', { name: /^Conflict: update/ });
    fireEvent.click(within(card).getByRole('button', { name: 'Apply mine' }));
    const said = await within(attention()).findByText('Applied mine (identifier MINE0001): it goes to the CRM with the next sync.');
    await waitFor(() => expect(document.activeElement).toBe(said));
    expect(await db.tokens.get(token.localId)).toMatchObject({ identifier: 'MINE0001', syncStatus: 'pending' });
  });

  it('a create refused for its participant: issued again without one, said, and focused', async () => {
    const token = await issue(db, { participantNumber: '999' });
    const [create] = await takeBatch(db, 10, 2_000);
    const error = { code: CrmCode.participantNotFound, message: 'Rewards participant 999 does not exist.', reason: 'participantRefused' as const };
    await applyResults(db, [{ seq: create!.seq, outcome: 'parked', error }], 2_500);
    startApp(db);
    await openPending();
    const fix = await within(attention()).findByRole('form', { name: 'Fix participant' });
    // The CRM's code is for support: behind the closed Details disclosure only.
    expect(within(attention()).getByText(CrmCode.participantNotFound).closest('details')?.open).toBe(false);
    fireEvent.click(within(fix).getByRole('button', { name: 'Issue without a participant' }));
    const said = await within(attention()).findByText('The token goes to the CRM without a participant with the next sync.');
    await waitFor(() => expect(document.activeElement).toBe(said));
    expect(await db.tokens.get(token.localId)).toMatchObject({ participantNumber: null, syncStatus: 'pending' });
  });
});

const loose = (n: number): ServerToken =>
  serverToken({ id: `S${n}`.padEnd(32, '0'), number: `70${n}`, authenticationCode: `STOCK${n}ABCDEFGHJ`, identifier: null, participant: null });

describe('Stock', () => {
  it('shows the stock and its level, and "Refill now" asks the CRM at once', async () => {
    const { fake } = startApp(db, { fetchStock: ({ count }) => ({ crm: 'ok', message: null, tokens: [1, 2, 3].slice(0, count).map(loose) }) });
    fireEvent.click(nav().getByRole('button', { name: 'Stock' }));
    expect(await screen.findByText(/^No stock tokens on hand/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Refill now' }));
    expect(await screen.findByText('Added 3 tokens from the CRM.')).toBeTruthy();
    expect(fake.calls.find((call) => call.channel === 'fetchStock')?.payload).toEqual({ count: 10 });
    const list = await screen.findByRole('list', { name: 'Stock tokens' });
    await waitFor(() => expect(within(list).getAllByRole('button')).toHaveLength(3));
    expect(screen.getByText('10 (change it in Settings)')).toBeTruthy();
  });

  it('says when the CRM cannot be reached', async () => {
    startApp(db, { fetchStock: () => ({ crm: 'unreachable', message: 'down', tokens: [] }) });
    fireEvent.click(nav().getByRole('button', { name: 'Stock' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Refill now' }));
    expect(await screen.findByText(/^The CRM cannot be reached/)).toBeTruthy();
  });

  it('hands out a stock token from Issue: the slip shows its code and the stock goes down', async () => {
    await applyServerTokens(db, [loose(1), loose(2)], 1_000, { stock: true });
    startApp(db);
    fireEvent.click(nav().getByRole('button', { name: 'Stock' }));
    const handOut = await screen.findByRole('button', { name: 'Hand out a stock token' });
    await waitFor(() => expect(handOut).toHaveProperty('disabled', false));
    fireEvent.click(handOut);
    const form = await screen.findByRole('form', { name: 'Hand out from stock' });
    const radios = await within(form).findAllByRole('radio');
    expect(radios).toHaveLength(2);
    // Until the operator picks one, the first on hand is the one.
    await waitFor(() => expect((radios[0] as HTMLInputElement).checked).toBe(true));
    const second = within(form).getByRole('radio', { name: /^STOCK2ABCDEFGHJ/ });
    fireEvent.click(second);
    expect((second as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(form).getByRole('button', { name: 'Hand out token' }));
    const code = await screen.findByRole('status', { name: 'Issued authentication code' });
    expect(code.textContent).toBe('STOCK2ABCDEFGHJ');
    expect(await db.tokens.where('stock').equals(1).count()).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Issue another' }));
    expect(await screen.findByRole('form', { name: 'Issue token' })).toBeTruthy();
  });
});
