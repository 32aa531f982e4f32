import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_DEFINITION } from '../../../shared/token/defaultDefinition';
import { checkField } from '../../../shared/token/definition';
import type { TokenDeskDatabase } from '../../../renderer/storage/database';
import { writeDefinition } from '../../../renderer/storage/meta';
import { cryptoRandom } from '../../../renderer/services';
import { createIssueStore } from '../../../renderer/stores/issueStore';
import type { ServerToken } from '../../../shared/token/serverToken';
import { closeTestDb, fakeSeal, fakeTokenDesk, issue, openTestDb, serverToken } from '../support';

let db: TokenDeskDatabase;
beforeEach(() => {
  db = openTestDb();
});
afterEach(() => closeTestDb(db));

/** The CRM's participant 29 with `held` tokens; null: the CRM cannot be reached. */
function crmWith(held: number | null) {
  const tokens: ServerToken[] = Array.from({ length: held ?? 0 }, (_, i) =>
    serverToken({ id: `T${i}`.padEnd(32, '0'), authenticationCode: `HELD${i}`.padEnd(16, 'X'), identifier: null }),
  );
  return ({ participantNumber }: { participantNumber: string }) =>
    held === null
      ? { crm: 'unreachable' as const, message: 'down', participant: null, tokens: [] }
      : { crm: 'ok' as const, message: null, participant: participantNumber === '29' ? serverToken().participant : null, tokens: participantNumber === '29' ? tokens : [] };
}

function makeStore(seal = fakeSeal, participants = crmWith(0)) {
  const fake = fakeTokenDesk({ sealSecret: seal, participantTokens: participants });
  const store = createIssueStore({ db, api: fake.api, random: cryptoRandom, now: () => 7_000 });
  return { store, fake };
}

describe('issue store', () => {
  it('issues with a generated authentication code and a sealed pass code', async () => {
    const { store, fake } = makeStore();
    store.getState().setField('identifier', ' CARD1234 ');
    store.getState().setField('passCode', '987654');
    store.getState().setField('participantNumber', '29');
    expect(await store.getState().submit()).toBe(true);

    const issued = store.getState().issued;
    expect(issued).not.toBeNull();
    expect(checkField(DEFAULT_DEFINITION.authenticationCode, issued!.authenticationCode)).toBeNull();
    expect(issued).toMatchObject({ identifier: 'CARD1234', participantNumber: '29', createdAt: 7_000 });
    expect(fake.calls).toEqual([
      { channel: 'participantTokens', payload: { participantNumber: '29' } },
      { channel: 'sealSecret', payload: { plaintext: '987654' } },
    ]);
    expect(store.getState().unconfirmed).toBeNull();
    const [row] = await db.outbox.toArray();
    expect(row?.op).toMatchObject({ kind: 'create', sealedPassCode: 'sealed:6:opaque', authenticationCode: issued!.authenticationCode });
    expect(store.getState().fields).toEqual({ identifier: '', passCode: '', participantNumber: '', classificationId: '' });
  });

  it('shows field errors and writes nothing, without sealing', async () => {
    const { store, fake } = makeStore();
    store.getState().setField('identifier', 'ab');
    store.getState().setField('participantNumber', 'x'.repeat(65));
    expect(await store.getState().submit()).toBe(false);
    expect(store.getState().errors).toEqual({
      identifier: 'Identifier must be at least 4 characters.',
      passCode: 'A pass code is required when an identifier is given.',
      participantNumber: 'Participant number must be at most 64 characters.',
    });
    expect(fake.calls).toEqual([]);
    expect(await db.tokens.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('follows the stored definition', async () => {
    await writeDefinition(db, { ...DEFAULT_DEFINITION, allowWithoutIdentifier: false });
    const { store } = makeStore();
    expect(await store.getState().submit()).toBe(false);
    expect(store.getState().errors).toEqual({ identifier: 'Identifier is required.' });
  });

  it('generates values that satisfy the definition', async () => {
    const { store } = makeStore();
    await store.getState().generate('identifier');
    await store.getState().generate('passCode');
    const { fields, passCodeGenerated } = store.getState();
    expect(checkField(DEFAULT_DEFINITION.identifier, fields.identifier)).toBeNull();
    expect(checkField(DEFAULT_DEFINITION.passCode, fields.passCode)).toBeNull();
    expect(passCodeGenerated).toBe(true);
    store.getState().setField('passCode', '1234');
    expect(store.getState().passCodeGenerated).toBe(false);
  });

  it('shows a duplicate identifier next to the field', async () => {
    await issue(db, { identifier: 'CARD1234' });
    const { store } = makeStore();
    store.getState().setField('identifier', 'CARD1234');
    store.getState().setField('passCode', '1234');
    expect(await store.getState().submit()).toBe(false);
    expect(store.getState().errors.identifier).toBe('Identifier CARD1234 is already used by another token.');
    expect(await db.tokens.count()).toBe(1);
  });

  it('shows a sealing failure and writes nothing', async () => {
    const { store } = makeStore(() => {
      throw new Error('The OS keychain is locked');
    });
    store.getState().setField('identifier', 'CARD1234');
    store.getState().setField('passCode', '1234');
    expect(await store.getState().submit()).toBe(false);
    expect(store.getState().formError).toBe('Token Desk could not do this: The OS keychain is locked');
    expect(store.getState().fields.identifier).toBe('CARD1234');
    expect(await db.tokens.count()).toBe(0);
  });

  it('issues a token without identifier and pass code when the definition allows it', async () => {
    const { store, fake } = makeStore();
    expect(await store.getState().submit()).toBe(true);
    expect(store.getState().issued).toMatchObject({ identifier: null });
    expect(fake.calls).toEqual([]);
    expect((await db.outbox.toArray())[0]?.op).toMatchObject({ identifier: null, sealedPassCode: null });
  });

  it('online, refuses an unknown participant and an owner at the limit on the form: nothing sealed, saved or queued', async () => {
    const unknown = makeStore(fakeSeal, crmWith(0));
    unknown.store.getState().setField('participantNumber', '999');
    expect(await unknown.store.getState().submit()).toBe(false);
    expect(unknown.store.getState().errors.participantNumber).toBe('The CRM has no participant 999. Check the number, or leave it empty to issue without a participant.');

    // Four in the CRM and one queued here make five: the default definition's limit.
    await issue(db, { participantNumber: '29' });
    const full = makeStore(fakeSeal, crmWith(4));
    full.store.getState().setField('participantNumber', '29');
    full.store.getState().setField('identifier', 'CARD1234');
    full.store.getState().setField('passCode', '1234');
    expect(await full.store.getState().submit()).toBe(false);
    expect(full.store.getState().errors.participantNumber).toMatch(/^Participant 29 \(Ioannou Marios\) already has 5 tokens, and the access token definition allows at most 5 per owner\./);
    expect(full.fake.calls.map((call) => call.channel)).toEqual(['participantTokens']);
    expect(await db.tokens.where('participantNumber').equals('29').filter((t) => t.serverId === null).count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
    expect(full.store.getState().fields.identifier).toBe('CARD1234');
  });

  it('with room left under the limit, issues for the participant', async () => {
    const { store } = makeStore(fakeSeal, crmWith(4));
    store.getState().setField('participantNumber', '29');
    expect(await store.getState().submit()).toBe(true);
    expect(store.getState().issued).toMatchObject({ participantNumber: '29' });
  });

  it('offline, saves and says what it could not check', async () => {
    const { store } = makeStore(fakeSeal, crmWith(null));
    store.getState().setField('participantNumber', '999');
    expect(await store.getState().submit()).toBe(true);
    expect(store.getState().unconfirmed).toBe(
      'The CRM could not be asked, so participant 999 and its limit of 5 tokens were not checked. The CRM checks when the token syncs; if it refuses, Pending offers the fix.',
    );
    expect(await db.outbox.count()).toBe(1);
    store.getState().newForm();
    expect(store.getState().unconfirmed).toBeNull();
  });
});

describe('issue store on a full disk', () => {
  it.each([
    ['QuotaExceededError', 'The quota has been exceeded.'],
    ['ConstraintError', 'Maximum key generator value reached'],
  ])('says the disk is full (%s), keeps what the clerk typed, writes nothing, and works again once space is freed', async (name, message) => {
    const { store } = makeStore();
    store.getState().setField('identifier', 'CARD7777');
    store.getState().setField('passCode', '135790');
    const add = db.outbox.add.bind(db.outbox);
    const full = vi.spyOn(db.outbox, 'add').mockImplementation(() => {
      throw new DOMException(message, name);
    });
    expect(await store.getState().submit()).toBe(false);
    expect(store.getState().formError).toBe('The disk is full: this change was not saved. Free some space on this computer and try again; Token Desk carries on without a restart.');
    expect(store.getState().fields).toMatchObject({ identifier: 'CARD7777', passCode: '135790' });
    expect(await db.tokens.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);

    full.mockImplementation(add);
    expect(await store.getState().submit()).toBe(true);
    expect(await db.tokens.count()).toBe(1);
    expect(store.getState().formError).toBeNull();
  });
});
