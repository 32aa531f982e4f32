import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TokenDeskDatabase } from '../../../renderer/db/database';
import { issueToken, LocalChangeError, setLifeCycleState } from '../../../renderer/db/localChanges';
import { closeTestDb, issue, issueInput, openTestDb } from '../support';

let db: TokenDeskDatabase;
beforeEach(() => {
  db = openTestDb();
});
afterEach(() => closeTestDb(db));

async function counts() {
  return { tokens: await db.tokens.count(), outbox: await db.outbox.count(), audit: await db.audit.count() };
}

describe('issueToken', () => {
  it('writes the token, its create operation and an audit row together', async () => {
    const input = issueInput({ participantNumber: '29' });
    const token = await issueToken(db, input, 5_000);

    expect(await db.tokens.get(token.localId)).toMatchObject({
      authenticationCode: input.authenticationCode,
      identifier: input.identifier,
      lifeCycleState: 'EFFECTIVE',
      participantNumber: '29',
      serverId: null,
      number: null,
      confirmedAt: null,
      syncStatus: 'pending',
      createdAt: 5_000,
      updatedAt: 5_000,
    });
    expect(token.localId).toMatch(/^[0-9a-f-]{36}$/);
    const outbox = await db.outbox.toArray();
    expect(outbox).toEqual([
      {
        seq: 1,
        tokenLocalId: token.localId,
        status: 'pending',
        attempts: 0,
        createdAt: 5_000,
        lastTriedAt: null,
        lastError: null,
        op: {
          kind: 'create',
          authenticationCode: input.authenticationCode,
          identifier: input.identifier,
          sealedPassCode: 'sealed-pass-code',
          participantNumber: '29',
        },
      },
    ]);
    const audit = await db.audit.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ tokenLocalId: token.localId, action: 'issue', outcome: 'queued', at: 5_000 });
  });

  it('keeps no pass code field on the token row', async () => {
    const token = await issue(db);
    expect(Object.keys((await db.tokens.get(token.localId)) ?? {})).not.toContain('passCode');
    expect(JSON.stringify(await db.tokens.toArray())).not.toContain('sealed-pass-code');
  });

  it('writes nothing when the outbox write fails', async () => {
    db.outbox.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(issue(db)).rejects.toThrow('disk full');
    expect(await counts()).toEqual({ tokens: 0, outbox: 0, audit: 0 });
  });

  it('writes nothing when the audit write fails', async () => {
    db.audit.hook('creating', () => {
      throw new Error('quota exceeded');
    });
    await expect(issue(db)).rejects.toThrow('quota exceeded');
    expect(await counts()).toEqual({ tokens: 0, outbox: 0, audit: 0 });
  });

  it('refuses an authentication code that exists locally, writing nothing', async () => {
    await issue(db, { authenticationCode: 'DUPLICATE1234A', identifier: 'FIRST1' });
    const before = await counts();
    const refused = issue(db, { authenticationCode: 'DUPLICATE1234A', identifier: 'SECOND2' });
    await expect(refused).rejects.toBeInstanceOf(LocalChangeError);
    await expect(refused).rejects.toMatchObject({ field: 'authenticationCode', message: expect.stringContaining('DUPLICATE1234A') });
    expect(await counts()).toEqual(before);
  });

  it('refuses an identifier that exists locally, writing nothing', async () => {
    await issue(db, { identifier: 'CARD1234' });
    const before = await counts();
    const refused = issue(db, { identifier: 'CARD1234' });
    await expect(refused).rejects.toMatchObject({ field: 'identifier', message: 'Identifier CARD1234 is already used by another token.' });
    expect(await counts()).toEqual(before);
  });

  it('allows several tokens without an identifier', async () => {
    await issue(db, { identifier: null, sealedPassCode: null });
    await issue(db, { identifier: null, sealedPassCode: null });
    expect(await counts()).toEqual({ tokens: 2, outbox: 2, audit: 2 });
  });
});

describe('setLifeCycleState', () => {
  it('switches the token and queues a setState carrying its current authentication code', async () => {
    const token = await issue(db, {}, 1_000);
    const switched = await setLifeCycleState(db, token.localId, 'NOT_EFFECTIVE', 2_000);

    expect(switched).toMatchObject({ lifeCycleState: 'NOT_EFFECTIVE', syncStatus: 'pending', updatedAt: 2_000 });
    expect(await db.tokens.get(token.localId)).toEqual(switched);
    const ops = await db.outbox.orderBy('seq').toArray();
    expect(ops.map((row) => row.op)).toEqual([
      expect.objectContaining({ kind: 'create' }),
      { kind: 'setState', authenticationCode: token.authenticationCode, target: 'NOT_EFFECTIVE' },
    ]);
    expect(ops[1]).toMatchObject({ tokenLocalId: token.localId, status: 'pending', attempts: 0, createdAt: 2_000 });
    const audit = await db.audit.where('tokenLocalId').equals(token.localId).toArray();
    expect(audit.map((row) => [row.action, row.outcome])).toEqual([
      ['issue', 'queued'],
      ['setState', 'queued'],
    ]);
  });

  it('keeps a token that needs attention marked so', async () => {
    const token = await issue(db);
    await db.tokens.update(token.localId, { syncStatus: 'attention' });
    const switched = await setLifeCycleState(db, token.localId, 'NOT_EFFECTIVE', 2_000);
    expect(switched.syncStatus).toBe('attention');
  });

  it('refuses the state the token already has, writing nothing', async () => {
    const token = await issue(db);
    const before = await counts();
    await expect(setLifeCycleState(db, token.localId, 'EFFECTIVE', 2_000)).rejects.toThrow('The token is already effective.');
    expect(await counts()).toEqual(before);
    expect((await db.tokens.get(token.localId))?.updatedAt).toBe(1_000);
  });

  it('refuses an unknown token, writing nothing', async () => {
    await expect(setLifeCycleState(db, 'no-such-token', 'NOT_EFFECTIVE', 2_000)).rejects.toThrow(
      'This token is not in the local cache.',
    );
    expect(await counts()).toEqual({ tokens: 0, outbox: 0, audit: 0 });
  });
});
