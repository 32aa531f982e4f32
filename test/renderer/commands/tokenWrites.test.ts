import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TokenDeskDatabase } from '../../../renderer/storage/database';
import { editToken, issueToken, queueVerification, setLifeCycleState } from '../../../renderer/commands/tokenWrites';
import { LocalChangeError } from '../../../renderer/refusals';
import { applyServerTokens } from '../../../renderer/storage/serverCopies';
import { closeTestDb, issue, issueInput, issueSynced, openTestDb, serverToken } from '../support';

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
        queuedBy: null,
        attempts: 0,
        createdAt: 5_000,
        lastTriedAt: null,
        lastError: null,
        nextTryAt: 0,
        leaseUntil: 0,
        leaseOwner: null,
        conflicts: null,
        journalId: expect.stringMatching(/^[0-9a-f-]{36}$/),
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
      {
        kind: 'setState',
        authenticationCode: token.authenticationCode,
        base: { updatedDate: null, lifeCycleState: 'EFFECTIVE', identifier: token.identifier },
        target: 'NOT_EFFECTIVE',
      },
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

describe('queueVerification', () => {
  it('queues the sealed code for a pending token, which stays pending until the CRM accepts; a second code or a token not pending is refused, writing nothing', async () => {
    await applyServerTokens(db, [serverToken({ lifeCycleState: 'PENDING_VERIFICATION' })], 1_000);
    const [pending] = await db.tokens.toArray();
    const token = await queueVerification(db, pending!.localId, 'sealed-code', 2_000);
    expect(token).toMatchObject({ lifeCycleState: 'PENDING_VERIFICATION', syncStatus: 'pending' });
    expect((await db.outbox.toArray()).map((row) => row.op)).toEqual([
      { kind: 'verify', authenticationCode: pending!.authenticationCode, base: { updatedDate: pending!.serverUpdatedDate, lifeCycleState: 'PENDING_VERIFICATION', identifier: pending!.identifier }, sealedVerificationCode: 'sealed-code' },
    ]);
    expect((await db.audit.toArray()).map((a) => a.detail)).toEqual(['Verification code entered']);

    const queued = await counts();
    await expect(queueVerification(db, pending!.localId, 'sealed-again', 3_000)).rejects.toThrow('already waiting to be sent');
    expect(await counts()).toEqual(queued);
    const effective = await issueSynced(db);
    const settled = await counts();
    await expect(queueVerification(db, effective.localId, 'sealed-code', 3_000)).rejects.toThrow('Only a token pending verification can be verified');
    expect(await counts()).toEqual(settled);
  });
});

describe('editToken', () => {
  it('changes the identifier locally and queues an update with its pass code and the base it was made on', async () => {
    const token = await issueSynced(db, { updatedDate: '2024-05-01T10:00:00' });
    const edited = await editToken(db, token.localId, { identifier: 'NEWCARD1', sealedPassCode: 'sealed:4' }, 5_000);
    expect(edited).toMatchObject({ identifier: 'NEWCARD1', syncStatus: 'pending', updatedAt: 5_000 });
    expect((await db.outbox.toArray()).map((row) => row.op)).toEqual([
      {
        kind: 'update',
        authenticationCode: token.authenticationCode,
        base: { updatedDate: '2024-05-01T10:00:00', lifeCycleState: 'EFFECTIVE', identifier: token.identifier },
        identifier: 'NEWCARD1',
        sealedPassCode: 'sealed:4',
      },
    ]);
    expect((await db.audit.orderBy('id').last())).toMatchObject({ action: 'edit', outcome: 'queued' });
  });

  it('changes the authentication code; later changes use the new code', async () => {
    const token = await issueSynced(db);
    await editToken(db, token.localId, { newAuthenticationCode: 'NEWCODE1234567' }, 5_000);
    await setLifeCycleState(db, token.localId, 'NOT_EFFECTIVE', 6_000);
    const ops = (await db.outbox.orderBy('seq').toArray()).map((row) => row.op);
    expect(ops[0]).toMatchObject({ kind: 'update', authenticationCode: token.authenticationCode, newAuthenticationCode: 'NEWCODE1234567' });
    expect(ops[1]).toMatchObject({ kind: 'setState', authenticationCode: 'NEWCODE1234567' });
    expect((await db.tokens.get(token.localId))?.authenticationCode).toBe('NEWCODE1234567');
  });

  it('refuses unchanged values, values the definition rules out and local duplicates, writing nothing', async () => {
    const token = await issueSynced(db);
    const other = await issue(db, { identifier: 'OTHER001', authenticationCode: 'OTHERCODE12345' });
    const before = await counts();
    const refusals: Array<[Parameters<typeof editToken>[2], string]> = [
      [{ identifier: token.identifier!, sealedPassCode: 's' }, 'The identifier is unchanged.'],
      [{ identifier: 'ab', sealedPassCode: 's' }, 'Identifier must be at least 4 characters.'],
      [{ identifier: other.identifier!, sealedPassCode: 's' }, 'Identifier OTHER001 is already used by another token.'],
      [{ newAuthenticationCode: token.authenticationCode }, 'The authentication code is unchanged.'],
      [{ newAuthenticationCode: 'short' }, 'Authentication code must be at least 12 characters.'],
      [{ newAuthenticationCode: other.authenticationCode }, 'Authentication code OTHERCODE12345 is already used by another token.'],
    ];
    for (const [change, message] of refusals) {
      await expect(editToken(db, token.localId, change, 5_000)).rejects.toMatchObject({ name: 'LocalChangeError', message });
    }
    await expect(editToken(db, 'nope', { newAuthenticationCode: 'NEWCODE1234567' }, 5_000)).rejects.toBeInstanceOf(LocalChangeError);
    expect(await counts()).toEqual(before);
  });
});

describe('counter screens: classification and pass code changes', () => {
  it('issues with a classification: its id goes to the CRM, its name shows until the CRM confirms', async () => {
    const token = await issueToken(db, issueInput({ classificationId: 'C1', classificationName: 'Plastic card' }), 5_000);
    expect(token.classificationName).toBe('Plastic card');
    const [row] = await db.outbox.toArray();
    expect(row?.op).toMatchObject({ kind: 'create', classificationId: 'C1' });
    const plain = await issueToken(db, issueInput(), 5_100);
    expect((await db.outbox.where('tokenLocalId').equals(plain.localId).first())?.op).not.toHaveProperty('classificationId');
  });

  it('changes only the pass code: the same identifier goes with the new pass code', async () => {
    const token = await issueSynced(db);
    await editToken(db, token.localId, { sealedPassCode: 'sealed-new' }, 6_000);
    const [row] = await db.outbox.toArray();
    expect(row?.op).toMatchObject({ kind: 'update', identifier: token.identifier, sealedPassCode: 'sealed-new' });
    expect((await db.audit.orderBy('id').last())?.detail).toBe(`Pass code changed (identifier ${token.identifier} kept)`);
    const bare = await issue(db, { identifier: null, sealedPassCode: null });
    await expect(editToken(db, bare.localId, { sealedPassCode: 's' }, 6_100)).rejects.toThrow('A pass code needs an identifier');
  });
});
