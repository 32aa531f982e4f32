import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerToken } from '../../shared/token/serverToken';
import type { TokenDeskDatabase } from '../../renderer/storage/database';
import { applyServerTokens } from '../../renderer/storage/serverCopies';
import { SEARCH_LIMIT } from '../../renderer/storage/queries';
import { nav, startApp } from './appHarness';
import { closeTestDb, issue, issueSynced, openTestDb, serverToken } from './support';

let db: TokenDeskDatabase;
let clock: number;
beforeEach(() => {
  db = openTestDb();
  clock = Date.now();
});
afterEach(async () => {
  cleanup();
  await closeTestDb(db);
});

const now = () => clock;
const search = () => screen.getByRole('searchbox', { name: 'Search tokens' });
const maria = serverToken({
  id: 'M'.repeat(32),
  number: '11',
  authenticationCode: 'B2N5M8Q1W4E7R0TY',
  identifier: 'MARIA1984',
  participant: { id: 'P1', number: '1', accountNumber: '000001', accountName: 'Maria Georgiou', ownerName: 'Maria Georgiou' },
});
const crmKnows = (tokens: ServerToken[]) => ({
  refreshTokens: ({ authenticationCodes }: { authenticationCodes: string[] }) => ({
    crm: 'ok' as const,
    message: null,
    tokens: tokens.filter((token) => authenticationCodes.includes(token.authenticationCode)),
    missing: authenticationCodes.filter((code) => !tokens.some((token) => token.authenticationCode === code)),
  }),
});
const unreachable = {
  refreshTokens: () => ({ crm: 'unreachable' as const, message: 'down', tokens: [], missing: [] }),
  checkPassCode: () => ({ crm: 'unreachable' as const, message: 'down', valid: null, token: null }),
};

/** `count` tokens from the CRM, their ids, codes and numbers made from `tag` and `firstNumber`, each named by `identifier`. */
const tagged = (tag: string, count: number, firstNumber: number, identifier: (i: number) => string) =>
  Array.from({ length: count }, (_, i) =>
    serverToken({ id: `${tag[0]}${String(i).padStart(4, '0')}`.padEnd(32, '0'), number: String(firstNumber + i), authenticationCode: `${tag}CODE${String(i).padStart(8, '0')}`, identifier: identifier(i) }),
  );

function scan(code: string) {
  fireEvent.change(search(), { target: { value: code } });
  fireEvent.keyDown(search(), { key: 'Enter' });
}

describe('Find', () => {
  it('a scanned code this counter does not hold is fetched from the CRM and opened, confirmed', async () => {
    startApp(db, crmKnows([maria]), { now });
    scan(maria.authenticationCode);
    expect(await screen.findByRole('heading', { name: 'Token 11' })).toBeTruthy();
    expect(screen.getByText('1 — Maria Georgiou', { selector: 'dd' })).toBeTruthy();
    expect(screen.getByText('000001 — Maria Georgiou', { selector: 'dd' })).toBeTruthy();
    expect(await screen.findByText('Confirmed by CRM just now')).toBeTruthy();
  });

  it('offline, an unknown code says it cannot be asked; an opened token says it is not confirmed', async () => {
    const token = await issueSynced(db, {}, clock - 3 * 60_000);
    startApp(db, unreachable, { now });
    scan('ZZZZ9999YYYY8888');
    expect(await screen.findByText(/^ZZZZ9999YYYY8888 is not on this counter, and the CRM cannot be asked now \(offline\)/)).toBeTruthy();
    scan(token.authenticationCode);
    expect(await screen.findByText('Not confirmed — offline (last confirmed 3 min ago)')).toBeTruthy();
  });

  it('pages a long result list and draws only the rows in view', async () => {
    await applyServerTokens(db, tagged('BULK', 120, 9000, (i) => `BULK${String(i).padStart(4, '0')}`), 1_000);
    startApp(db, {}, { now });
    fireEvent.change(search(), { target: { value: 'bulk' } });
    expect(await screen.findByText(`First ${SEARCH_LIMIT} matches for “bulk”`)).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Search results' });
    const drawn = within(list).getAllByRole('listitem');
    expect(drawn.length).toBeGreaterThan(5);
    expect(drawn.length).toBeLessThan(SEARCH_LIMIT);
    expect(drawn[0]?.getAttribute('aria-setsize')).toBe(String(SEARCH_LIMIT));
    fireEvent.click(screen.getByRole('button', { name: 'Show more results' }));
    expect(await screen.findByText(`First ${2 * SEARCH_LIMIT} matches for “bulk”`)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show more results' }));
    await waitFor(() => expect(screen.getByText(/matches for “bulk”$/).textContent).toBe('120 matches for “bulk”'));
    expect(screen.queryByRole('button', { name: 'Show more results' })).toBeNull();
  });

  it('a new answer is written into the rows already drawn: the next text rewrites them rather than building new ones', async () => {
    await applyServerTokens(db, tagged('ROWS', 40, 7000, (i) => `ROWS${i < 20 ? 'A' : 'B'}${String(i).padStart(3, '0')}`), 1_000);
    startApp(db, {}, { now });
    const rows = () => within(screen.getByRole('list', { name: 'Search results' })).getAllByRole('listitem');
    fireEvent.change(search(), { target: { value: 'rowsa' } });
    await waitFor(() => expect(rows()[0]?.textContent).toContain('ROWSA000'));
    const [first, second] = rows();
    fireEvent.change(search(), { target: { value: 'rowsb' } });
    await waitFor(() => expect(rows()[0]?.textContent).toContain('ROWSB020'));
    expect(rows()[0]).toBe(first);
    expect(rows()[1]).toBe(second);
    expect(second?.textContent).toContain('ROWSB021');
  });
});

describe('Find without the card', () => {
  const mariasFob = serverToken({ ...maria, id: 'F'.repeat(32), number: '12', authenticationCode: 'E3R6T9Y2U5I8O1PQ', identifier: 'MARIAFOB' });
  const results = () => screen.getByRole('list', { name: 'Search results' });

  it("finds a cached token by the owner's name, participant number or account number, ignoring case and accents", async () => {
    await applyServerTokens(db, [maria, serverToken({ id: 'O'.repeat(32), number: '77', authenticationCode: 'OTHER00000000001', identifier: 'OTHER001', participant: null })], 1_000);
    startApp(db, { ownerTokens: () => ({ crm: 'unreachable', message: 'down', tokens: [] }) }, { now });
    for (const typed of ['georgiou', 'GEÓRGIOU', 'Maria', '000001', '1']) {
      fireEvent.change(search(), { target: { value: typed } });
      await waitFor(() => expect(within(results()).getAllByRole('button').map((b) => b.textContent)).toEqual([expect.stringContaining('MARIA1984')]));
    }
    expect(await screen.findByText('The CRM cannot be asked now, so only this counter’s tokens are searched for 1.')).toBeTruthy();
  });

  it("online, asks the CRM for a typed participant's or account's tokens, caches them and lists them", async () => {
    const { fake } = startApp(db, {
      ownerTokens: ({ number }) => ({ crm: 'ok', message: null, tokens: number === '000001' ? [maria, mariasFob] : [] }),
    }, { now });
    fireEvent.change(search(), { target: { value: '000001' } });
    expect(await screen.findByText('The CRM has 2 tokens of participant or account 000001; they are listed below.', {}, { timeout: 3_000 })).toBeTruthy();
    await waitFor(() => expect(within(results()).getAllByRole('button')).toHaveLength(2));
    expect(await db.tokens.where('authenticationCode').equals(mariasFob.authenticationCode).count()).toBe(1);
    fireEvent.change(search(), { target: { value: '424242' } });
    expect(await screen.findByText('The CRM has no participant or account 424242 with tokens.', {}, { timeout: 3_000 })).toBeTruthy();
    // Names and codes are not numbers: the CRM is not asked for them.
    fireEvent.change(search(), { target: { value: 'georgiou' } });
    await waitFor(() => expect(within(results()).getAllByRole('button')).toHaveLength(2));
    expect(fake.calls.filter((call) => call.channel === 'ownerTokens').map((call) => call.payload)).toEqual([{ number: '000001' }, { number: '424242' }]);
  });
});

describe('pass code check', () => {
  async function check(identifier: string, passCode: string) {
    fireEvent.click(screen.getByRole('button', { name: 'Check a pass code' }));
    const form = await screen.findByRole('form', { name: 'Check pass code' });
    fireEvent.change(within(form).getByLabelText('Identifier'), { target: { value: identifier } });
    fireEvent.change(within(form).getByLabelText('Pass code'), { target: { value: passCode } });
    fireEvent.click(within(form).getByRole('button', { name: 'Check pass code' }));
    return form;
  }

  it('says clearly whether the CRM takes the pass code, and never keeps it', async () => {
    const { fake } = startApp(db, {
      checkPassCode: ({ sealedPassCode }) => ({ crm: 'ok', message: null, valid: sealedPassCode === 'sealed:4:opaque', token: null }),
    });
    const form = await check('MARIA1984', '5678');
    expect(await within(form).findByText('Pass code is correct')).toBeTruthy();
    expect((within(form).getByLabelText('Pass code') as HTMLInputElement).value).toBe('');
    fireEvent.change(within(form).getByLabelText('Pass code'), { target: { value: '56789' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Check pass code' }));
    // MARIA1984 is not on this counter, so a wrong pass code cannot be told from an unknown identifier.
    expect(await within(form).findByText('No token matches')).toBeTruthy();
    // Main seals it; only the sealed form travels on, and nothing is stored.
    expect(fake.calls.filter((call) => JSON.stringify(call.payload).includes('5678')).map((call) => call.channel)).toEqual(['sealSecret', 'sealSecret']);
    const stored = JSON.stringify(await Promise.all([db.tokens.toArray(), db.outbox.toArray(), db.audit.toArray(), db.meta.toArray()]));
    expect(stored).not.toContain('5678');
  });

  it("says it can't verify when the CRM cannot be reached", async () => {
    startApp(db, unreachable);
    const form = await check('MARIA1984', '1984');
    expect(await within(form).findByText("Can't verify offline")).toBeTruthy();
  });
});

describe('Issue', () => {
  it('shows the participant’s owner and offers the CRM’s classifications; the slip carries both', async () => {
    const { fake } = startApp(db, {
      participantTokens: ({ participantNumber }) => ({
        crm: 'ok',
        message: null,
        participant: participantNumber === '1' ? maria.participant : null,
        tokens: participantNumber === '1' ? [maria] : [],
      }),
      listClassifications: () => ({ crm: 'ok', message: null, classifications: [{ id: 'C1', name: 'Key fob', description: 'Key ring tag' }] }),
    });
    fireEvent.click(nav().getByRole('button', { name: 'Issue' }));
    expect(await screen.findByText('Optional · 4–40 letters and digits')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Identifier'), { target: { value: 'CARD1234' } });
    fireEvent.change(screen.getByLabelText('Pass code'), { target: { value: '4321' } });
    fireEvent.change(screen.getByLabelText('Participant number (optional)'), { target: { value: '7' } });
    expect(await screen.findByText('The CRM has no participant 7. Check the number.', {}, { timeout: 2_000 })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Participant number (optional)'), { target: { value: '1' } });
    expect(await screen.findByText('Owner: Maria Georgiou', {}, { timeout: 2_000 })).toBeTruthy();
    const picker = screen.getByLabelText('Classification');
    await waitFor(() => expect(within(picker).getAllByRole('option').map((option) => option.textContent)).toEqual(['None', 'Key fob']));
    fireEvent.change(picker, { target: { value: 'C1' } });
    expect(screen.getByText('Key ring tag')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Issue token' }));

    const slip = await screen.findByRole('article', { name: 'Your loyalty access token' });
    expect(await within(slip).findByText('1 — Maria Georgiou')).toBeTruthy();
    expect(within(slip).getByText('Key fob')).toBeTruthy();
    expect((await db.outbox.toArray())[0]?.op).toMatchObject({ kind: 'create', participantNumber: '1', classificationId: 'C1' });
    expect(fake.calls.some((call) => call.channel === 'participantTokens')).toBe(true);
  });

  it('offline, the form says what waits for the CRM, saves, and the slip and token say the participant is to be confirmed', async () => {
    startApp(db, { participantTokens: () => ({ crm: 'unreachable', message: 'down', participant: null, tokens: [] }) }, { now });
    fireEvent.click(nav().getByRole('button', { name: 'Issue' }));
    fireEvent.change(screen.getByLabelText('Participant number (optional)'), { target: { value: '999' } });
    expect(
      await screen.findByText('The CRM cannot be asked now: the participant and its token limit are to be confirmed by the CRM when the token syncs.', {}, { timeout: 2_000 }),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^Issue token/ }));
    const slip = await screen.findByRole('article', { name: 'Your loyalty access token' });
    expect(within(slip).getByText('999 — to be confirmed by the CRM')).toBeTruthy();
    expect(screen.getByText(/^The CRM could not be asked, so participant 999 and its limit of 5 tokens were not checked\./)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open token' }));
    expect(await screen.findByText('999 — to be confirmed by the CRM', { selector: 'dd' })).toBeTruthy();
  });
});

describe('Token detail', () => {
  it('regenerates the authentication code after a warning, and lists the token’s history', async () => {
    const token = await issueSynced(db);
    startApp(db, crmKnows([]), { now });
    scan(token.authenticationCode);
    await screen.findByRole('heading', { name: /^Token / });
    fireEvent.click(screen.getByRole('button', { name: 'Regenerate authentication code' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Regenerate the authentication code?' });
    expect(dialog.textContent).toContain(`The old code ${token.authenticationCode} stops working`);
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Regenerate code' }));
    });
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    const [row] = await db.outbox.toArray();
    expect(row?.op).toMatchObject({ kind: 'update', authenticationCode: token.authenticationCode });
    const fresh = row?.op.kind === 'update' ? row.op.newAuthenticationCode : undefined;
    expect(fresh).toMatch(/^[A-Z0-9]{16}$/);
    expect(await screen.findByText(fresh!, { selector: 'dd' })).toBeTruthy();

    const history = screen.getByRole('region', { name: 'History at this counter' });
    const rows = within(history).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[2]?.textContent)).toEqual(['Queued', 'Accepted by the CRM', 'Queued']);
    expect(rows[0]?.textContent).toContain(`Authentication code ${token.authenticationCode} → ${fresh}`);
  });

  it('shows "Token not found" for a token that left the cache', async () => {
    const token = await issue(db);
    const { services } = startApp(db, {}, { now });
    await act(async () => {
      services.ui.getState().openToken(token.localId);
      await db.tokens.delete(token.localId);
    });
    expect(await screen.findByRole('heading', { name: 'Token not found' })).toBeTruthy();
  });
});
