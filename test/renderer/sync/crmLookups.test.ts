import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TokenDeskDatabase } from '../../../renderer/storage/database';
import { readClassifications } from '../../../renderer/storage/meta';
import { findExact } from '../../../renderer/storage/queries';
import { checkOwner, confirmWithCrm, fetchByCode, lookUpParticipant, refreshClassifications, type ParticipantLookup } from '../../../renderer/sync/crmLookups';
import { verifyPassCode } from '../../../renderer/sync/passCode';
import { applyServerTokens } from '../../../renderer/storage/serverCopies';
import { closeTestDb, fakeSeal, fakeTokenDesk, issue, issueSynced, openTestDb, serverToken } from '../support';

let db: TokenDeskDatabase;
beforeEach(() => {
  db = openTestDb();
});
afterEach(() => closeTestDb(db));

const now = () => 50_000;
const known = serverToken({ id: 'K'.repeat(32), number: '11', authenticationCode: 'KNOWNCODE1234567', identifier: 'MARIA1984' });

function crm(reach: 'ok' | 'unreachable' = 'ok') {
  return fakeTokenDesk({
    refreshTokens: ({ authenticationCodes }) => ({
      crm: reach,
      message: reach === 'ok' ? null : 'down',
      tokens: reach === 'ok' ? authenticationCodes.flatMap((code) => (code === known.authenticationCode ? [known] : [])) : [],
      missing: reach === 'ok' ? authenticationCodes.filter((code) => code !== known.authenticationCode) : [],
    }),
    participantTokens: ({ participantNumber }) => ({
      crm: reach,
      message: null,
      participant: participantNumber === '29' && reach === 'ok' ? known.participant : null,
      tokens: participantNumber === '29' && reach === 'ok' ? [known] : [],
    }),
    listClassifications: () => ({ crm: reach, message: null, classifications: [{ id: 'C1', name: 'Plastic card', description: null }] }),
    sealSecret: fakeSeal,
    checkPassCode: ({ identifier, sealedPassCode }) => ({
      crm: reach,
      message: null,
      valid: reach === 'ok' ? identifier === 'MARIA1984' && sealedPassCode === 'sealed:4:opaque' : null,
      token: reach === 'ok' && identifier === 'MARIA1984' ? known : null,
    }),
  }).api;
}

describe('findExact', () => {
  it('names one token by code (any case), else identifier, else number; nothing when ambiguous or unknown', async () => {
    const a = await issue(db, { authenticationCode: 'AAAA1111BBBB2222', identifier: 'CARD0001' });
    const b = await issueSynced(db, { number: '4711' });
    expect((await findExact(db, 'aaaa1111bbbb2222'))?.localId).toBe(a.localId);
    expect((await findExact(db, 'card0001'))?.localId).toBe(a.localId);
    expect((await findExact(db, '4711'))?.localId).toBe(b.localId);
    expect(await findExact(db, 'CARD')).toBeNull();
    expect(await findExact(db, '  ')).toBeNull();
  });
});

describe('CRM lookups for the screens', () => {
  it('fetches a code this counter does not hold and caches it; says when the CRM has none or cannot be asked', async () => {
    const found = await fetchByCode({ db, api: crm(), now }, known.authenticationCode);
    expect(found.confirmation).toEqual({ kind: 'confirmed' });
    expect(found.token).toMatchObject({ identifier: 'MARIA1984', confirmedAt: 50_000, syncStatus: 'synced' });
    expect((await fetchByCode({ db, api: crm(), now }, 'NOSUCHCODE123456')).confirmation).toEqual({ kind: 'missing' });
    expect((await fetchByCode({ db, api: crm('unreachable'), now }, 'NOSUCHCODE123456')).confirmation).toMatchObject({ kind: 'unreached', crm: 'unreachable' });
  });

  it('confirms an opened token, and reports a failed call instead of throwing', async () => {
    const token = await issueSynced(db, { authenticationCode: 'OTHERCODE1234567' });
    expect(await confirmWithCrm({ db, api: crm(), now }, token.authenticationCode)).toEqual({ kind: 'missing' });
    const broken = fakeTokenDesk({}).api;
    expect(await confirmWithCrm({ db, api: broken, now }, token.authenticationCode)).toMatchObject({ kind: 'failed' });
  });

  it('looks a participant up in the cache at once, then in the CRM', async () => {
    const answers: ParticipantLookup[] = [];
    const cached = await lookUpParticipant({ db, api: crm(), now }, '29', (lookup) => answers.push(lookup));
    expect(cached).toEqual({ participant: null, source: 'cache' });
    await expect.poll(() => answers).toEqual([{ participant: known.participant, source: 'crm' }]);
    expect(await lookUpParticipant({ db, api: crm('unreachable'), now }, '29', () => undefined)).toEqual({
      participant: known.participant,
      source: 'cache',
    });
  });

  it('checks an owner before an issue: unknown, at the limit (queued tokens count), or not asked when the CRM is away', async () => {
    expect(await checkOwner({ db, api: crm(), now }, '7', 5)).toEqual({ kind: 'unknown' });
    expect(await checkOwner({ db, api: crm(), now }, '29', 2)).toEqual({ kind: 'ok' });
    await issue(db, { participantNumber: '29' });
    expect(await checkOwner({ db, api: crm(), now }, '29', 2)).toEqual({ kind: 'atLimit', held: 2, max: 2, ownerName: 'Ioannou Marios' });
    expect(await checkOwner({ db, api: crm(), now }, '29', null)).toEqual({ kind: 'ok' });
    expect(await checkOwner({ db, api: crm('unreachable'), now }, '29', 2)).toEqual({ kind: 'unchecked' });
    expect(await checkOwner({ db, api: fakeTokenDesk({}).api, now }, '29', 2)).toEqual({ kind: 'unchecked' });
    const silent = fakeTokenDesk({ participantTokens: () => new Promise<never>(() => undefined) }).api;
    expect(await checkOwner({ db, api: silent, now }, '29', 2, 0)).toEqual({ kind: 'unchecked' });
  });

  it('keeps the classifications for offline use', async () => {
    expect(await refreshClassifications({ db, api: crm(), now })).toBe('ok');
    expect(await readClassifications(db)).toEqual([{ id: 'C1', name: 'Plastic card', description: null }]);
    expect(await refreshClassifications({ db, api: crm('unreachable'), now })).toBe('unreachable');
    expect(await readClassifications(db)).toHaveLength(1);
  });
});

describe('verifyPassCode', () => {
  const deps = (reach: 'ok' | 'unreachable', online = true) => ({ db, api: crm(reach), now, online: () => online });

  it('says clearly whether the pass code is right, and that it cannot tell offline', async () => {
    expect(await verifyPassCode(deps('ok'), 'MARIA1984', '1984')).toMatchObject({ result: 'correct', title: 'Pass code is correct' });
    expect(await verifyPassCode(deps('ok'), 'MARIA1984', '00000')).toMatchObject({ result: 'wrong', title: 'Pass code is wrong' });
    expect(await verifyPassCode(deps('ok'), 'NOBODY01', '1984')).toEqual({
      result: 'wrong',
      title: 'No token matches',
      detail: 'The CRM has no token with identifier NOBODY01 and this pass code. Check the identifier (capitals count) and the pass code.',
    });
    expect(await verifyPassCode(deps('unreachable'), 'MARIA1984', '1984')).toMatchObject({ result: 'unverified', title: "Can't verify offline" });
    expect(await verifyPassCode(deps('ok', false), 'MARIA1984', '1984')).toMatchObject({ result: 'unverified', title: "Can't verify offline" });
  });
});

describe('verifyPassCode, the identifier spelled otherwise', () => {
  const deps = () => ({ db, api: crm('ok'), now, online: () => true });

  it('without the identifier on this counter, cannot tell a wrong pass code from an unknown identifier', async () => {
    expect(await verifyPassCode(deps(), 'MARIA1984', '00000')).toMatchObject({ result: 'wrong', title: 'No token matches' });
  });

  it('with it, says the pass code is wrong, or asks again in the capitals held here and says so', async () => {
    await applyServerTokens(db, [known], 1_000);
    expect(await verifyPassCode(deps(), 'MARIA1984', '00000')).toEqual({
      result: 'wrong',
      title: 'Pass code is wrong',
      detail: 'The CRM has a token with identifier MARIA1984, but not with this pass code.',
    });
    expect(await verifyPassCode(deps(), 'maria1984', '1984')).toEqual({
      result: 'correct',
      title: 'Pass code is correct',
      detail: 'The CRM confirms this pass code for MARIA1984 (token 11). It was typed as maria1984: capitals count in identifiers.',
    });
    expect(await verifyPassCode(deps(), 'maria1984', '00000')).toMatchObject({
      result: 'wrong',
      detail: 'This counter knows the identifier as MARIA1984 (capitals count), and the CRM does not take this pass code for it.',
    });
  });
});
