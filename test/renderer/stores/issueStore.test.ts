import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_DEFINITION } from '../../../shared/token/defaultDefinition';
import { checkField } from '../../../shared/token/definition';
import type { TokenDeskDatabase } from '../../../renderer/storage/database';
import { writeDefinition } from '../../../renderer/storage/meta';
import { cryptoRandom } from '../../../renderer/services';
import { createIssueStore } from '../../../renderer/stores/issueStore';
import { closeTestDb, fakeSeal, fakeTokenDesk, issue, openTestDb } from '../support';

let db: TokenDeskDatabase;
beforeEach(() => {
  db = openTestDb();
});
afterEach(() => closeTestDb(db));

function makeStore(seal = fakeSeal) {
  const fake = fakeTokenDesk({ sealSecret: seal });
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
    expect(checkField(DEFAULT_DEFINITION.authenticationCode, 'code', issued!.authenticationCode)).toBeNull();
    expect(issued).toMatchObject({ identifier: 'CARD1234', participantNumber: '29', createdAt: 7_000 });
    expect(fake.calls).toEqual([{ channel: 'sealSecret', payload: { plaintext: '987654' } }]);
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
    expect(checkField(DEFAULT_DEFINITION.identifier, 'Identifier', fields.identifier)).toBeNull();
    expect(checkField(DEFAULT_DEFINITION.passCode, 'Pass code', fields.passCode)).toBeNull();
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
    expect(store.getState().formError).toBe('The OS keychain is locked');
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
