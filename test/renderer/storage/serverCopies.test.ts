import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TokenDeskDatabase } from '../../../renderer/storage/database';
import { applyMissing, applyServerTokens, MISSING_MESSAGE, stalestTokens } from '../../../renderer/storage/serverCopies';
import { stockCount } from '../../../renderer/storage/queries';
import { editToken, setLifeCycleState } from '../../../renderer/commands/tokenWrites';
import { findTokens, recentTokens } from '../../../renderer/storage/queries';
import { closeTestDb, issue, issueSynced, openTestDb, serverToken } from '../support';
import { MAX_REFRESH } from '../../../shared/ipc/contract';

let db: TokenDeskDatabase;
beforeEach(() => {
  db = openTestDb();
});
afterEach(() => closeTestDb(db));

const tokenOf = async (localId: string) => (await db.tokens.get(localId))!;

describe('applyServerTokens', () => {
  it('adds tokens made elsewhere as synced, confirmed now, without calling them changed here', async () => {
    const elsewhere = serverToken({ id: 'E'.repeat(32), number: '9001', authenticationCode: 'ELSEWHERE1234567', identifier: 'ELSE0001' });
    expect(await applyServerTokens(db, [elsewhere], 7_000)).toEqual({ inserted: 1, updated: 0, stale: 0 });
    const [found] = await findTokens(db, 'ELSEWHERE1234567');
    expect(found).toMatchObject({
      serverId: 'E'.repeat(32),
      number: '9001',
      identifier: 'ELSE0001',
      lifeCycleState: 'EFFECTIVE',
      participantNumber: '29',
      syncStatus: 'synced',
      confirmedAt: 7_000,
      stock: 0,
      updatedAt: 0,
    });
    expect(found?.localId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await recentTokens(db)).toEqual([found]);
  });

  it('takes what the CRM changed elsewhere on a token with nothing queued', async () => {
    const token = await issueSynced(db, { updatedDate: '2024-05-01T10:00:00' }, 2_000);
    const changed = serverToken({
      id: token.serverId!,
      number: token.number!,
      authenticationCode: token.authenticationCode,
      identifier: 'RENAMED1',
      lifeCycleState: 'NOT_EFFECTIVE',
      updatedDate: '2024-05-02T10:00:00',
    });
    expect(await applyServerTokens(db, [changed], 8_000)).toMatchObject({ updated: 1 });
    expect(await tokenOf(token.localId)).toMatchObject({
      identifier: 'RENAMED1',
      lifeCycleState: 'NOT_EFFECTIVE',
      serverUpdatedDate: '2024-05-02T10:00:00',
      confirmedAt: 8_000,
      syncStatus: 'synced',
      updatedAt: token.updatedAt,
    });
  });

  it('applies a full refresh of tokens it holds, their codes unchanged, in its one transaction', async () => {
    // Dexie keeps its transaction across at most ~100 awaits of plain promises in a row; a reply this size used to exceed that.
    const copies = (updatedDate: string) =>
      Array.from({ length: MAX_REFRESH }, (_, i) =>
        serverToken({ id: `S${i}`.padEnd(32, '0'), number: String(5000 + i), authenticationCode: `HELD${String(i).padStart(12, '0')}`, updatedDate }),
      );
    await applyServerTokens(db, copies('2024-05-01T10:00:00'), 1_000);
    const renamed = copies('2024-05-02T10:00:00').map((copy) => ({ ...copy, identifier: `RE${copy.number}` }));
    expect(await applyServerTokens(db, renamed, 2_000)).toEqual({ inserted: 0, updated: MAX_REFRESH, stale: 0 });
    expect(await db.tokens.where('identifier').startsWith('RE').count()).toBe(MAX_REFRESH);
  });

  it('finds a token by the CRM id when its code was changed elsewhere', async () => {
    const token = await issueSynced(db);
    const recoded = serverToken({ id: token.serverId!, authenticationCode: 'RECODED123456A', identifier: token.identifier, updatedDate: '2025-01-01T00:00:00' });
    await applyServerTokens(db, [recoded], 8_000);
    expect(await db.tokens.count()).toBe(1);
    expect(await tokenOf(token.localId)).toMatchObject({ authenticationCode: 'RECODED123456A' });
  });

  it('never overwrites a change still queued: only the CRM facts are taken', async () => {
    const token = await issueSynced(db, { updatedDate: '2024-05-01T10:00:00' });
    await setLifeCycleState(db, token.localId, 'NOT_EFFECTIVE', 3_000);
    await editToken(db, token.localId, { identifier: 'MINE0001', sealedPassCode: 'sealed:4' }, 3_100);
    const crm = serverToken({
      id: token.serverId!,
      number: token.number!,
      authenticationCode: token.authenticationCode,
      identifier: 'CRMVALUE',
      lifeCycleState: 'EFFECTIVE',
      classificationName: 'Platinum',
      updatedDate: '2024-05-02T10:00:00',
    });
    await applyServerTokens(db, [crm], 8_000);
    expect(await tokenOf(token.localId)).toMatchObject({
      identifier: 'MINE0001',
      lifeCycleState: 'NOT_EFFECTIVE',
      syncStatus: 'pending',
      classificationName: 'Platinum',
      serverUpdatedDate: '2024-05-02T10:00:00',
      confirmedAt: 8_000,
    });
  });

  it('never overwrites a pending create, even when the CRM already has it', async () => {
    const token = await issue(db, { identifier: 'LOCAL001' });
    await applyServerTokens(db, [serverToken({ authenticationCode: token.authenticationCode, identifier: 'OTHER001' })], 8_000);
    expect(await tokenOf(token.localId)).toMatchObject({ identifier: 'LOCAL001', syncStatus: 'pending', number: '1001' });
  });

  it('skips a copy older than the one held (a read that raced a newer write)', async () => {
    const token = await issueSynced(db, { updatedDate: '2024-05-05T10:00:00', lifeCycleState: 'NOT_EFFECTIVE' });
    const stale = serverToken({ id: token.serverId!, authenticationCode: token.authenticationCode, updatedDate: '2024-05-04T10:00:00' });
    expect(await applyServerTokens(db, [stale], 8_000)).toEqual({ inserted: 0, updated: 0, stale: 1 });
    expect(await tokenOf(token.localId)).toMatchObject({ lifeCycleState: 'NOT_EFFECTIVE', confirmedAt: 2_000 });
  });

  it('keeps not-associated stock flagged, and unflags it once associated', async () => {
    const loose = (n: number) => serverToken({ id: `S${n}`.padEnd(32, '0'), number: `50${n}`, authenticationCode: `STOCK${n}ABCDEFGH`, participant: null, identifier: null });
    await applyServerTokens(db, [loose(1), loose(2), { ...loose(3), participant: serverToken().participant }], 7_000, { stock: true });
    expect(await stockCount(db)).toBe(2);
    await applyServerTokens(db, [{ ...loose(1), participant: serverToken().participant, updatedDate: '2025-01-01T00:00:00' }], 8_000);
    expect(await stockCount(db)).toBe(1);
  });

  it('takes a card out of the stock once another counter gave it an identifier or switched it off, and never stocks such a card', async () => {
    const loose = (n: number) => serverToken({ id: `S${n}`.padEnd(32, '0'), number: `50${n}`, authenticationCode: `STOCK${n}ABCDEFGH`, participant: null, identifier: null });
    await applyServerTokens(db, [loose(1), loose(2), { ...loose(3), identifier: 'ELSEWHERE3' }], 7_000, { stock: true });
    expect(await stockCount(db)).toBe(2);
    const later = '2025-01-01T00:00:00';
    await applyServerTokens(db, [{ ...loose(1), identifier: 'ELSEWHERE1', updatedDate: later }, { ...loose(2), lifeCycleState: 'NOT_EFFECTIVE', updatedDate: later }], 8_000);
    expect(await stockCount(db)).toBe(0);
  });
});

describe('applyMissing', () => {
  it('marks a token the CRM no longer knows, unless a change of it is still queued', async () => {
    const gone = await issueSynced(db);
    const pendingCreate = await issue(db);
    expect(await applyMissing(db, [gone.authenticationCode, pendingCreate.authenticationCode, 'UNKNOWN'], 9_000)).toBe(1);
    expect(await tokenOf(gone.localId)).toMatchObject({ syncStatus: 'attention', lastError: MISSING_MESSAGE, lastProblem: { kind: 'missing' } });
    expect(await tokenOf(pendingCreate.localId)).toMatchObject({ syncStatus: 'pending', lastError: null });
  });

  it('a token found again is synced again', async () => {
    const token = await issueSynced(db, { updatedDate: '2024-05-01T10:00:00' });
    await applyMissing(db, [token.authenticationCode], 9_000);
    await applyServerTokens(db, [serverToken({ id: token.serverId!, authenticationCode: token.authenticationCode, identifier: token.identifier })], 10_000);
    expect(await tokenOf(token.localId)).toMatchObject({ syncStatus: 'synced', lastError: null });
  });
});

describe('stalestTokens', () => {
  it('lists synced tokens with nothing queued, confirmed longest ago first', async () => {
    const a = await issueSynced(db, {}, 3_000);
    const b = await issueSynced(db, {}, 1_000);
    const c = await issueSynced(db, {}, 2_000);
    const busy = await issueSynced(db, {}, 500);
    await setLifeCycleState(db, busy.localId, 'NOT_EFFECTIVE', 4_000);
    await issue(db);
    const ids = async (limit: number, before?: number) => (await stalestTokens(db, limit, before)).map((t) => t.localId);
    expect(await ids(10)).toEqual([b.localId, c.localId, a.localId]);
    expect(await ids(2)).toEqual([b.localId, c.localId]);
    expect(await ids(10, 2_500)).toEqual([b.localId, c.localId]);
  });
});
