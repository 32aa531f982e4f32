import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Operation } from '../../../shared/ipc/contract';
import type { TokenDeskDatabase } from '../../../renderer/storage/database';
import { setLifeCycleState } from '../../../renderer/commands/tokenWrites';
import { applyResults, retryParked } from '../../../renderer/outbox';
import { countParked, countPending, takeBatch } from '../../../renderer/outbox';
import { closeTestDb, doneResult, issue, openTestDb, serverToken } from '../support';

let db: TokenDeskDatabase;
beforeEach(() => {
  db = openTestDb();
});
afterEach(() => closeTestDb(db));

describe('takeBatch', () => {
  it('returns pending operations in queue order and raises attempts durably before they are sent', async () => {
    const a = await issue(db);
    const b = await issue(db);
    await setLifeCycleState(db, a.localId, 'NOT_EFFECTIVE', 2_000);

    const batch = await takeBatch(db, 10, 3_000);
    expect(batch.map((op) => [op.seq, op.kind, op.tokenLocalId, op.attempt])).toEqual([
      [1, 'create', a.localId, 1],
      [2, 'create', b.localId, 1],
      [3, 'setState', a.localId, 1],
    ]);
    expect(batch[0]).toEqual({
      seq: 1,
      tokenLocalId: a.localId,
      attempt: 1,
      kind: 'create',
      authenticationCode: a.authenticationCode,
      identifier: a.identifier,
      sealedPassCode: 'sealed-pass-code',
      participantNumber: null,
    });
    for (const row of await db.outbox.toArray()) expect(row).toMatchObject({ attempts: 1, lastTriedAt: 3_000, status: 'pending' });

    // Not yet answered (say the app crashed): the next send says it is attempt 2.
    const again = await takeBatch(db, 10, 4_000);
    expect(again.map((op) => op.attempt)).toEqual([2, 2, 2]);
    expect((await db.outbox.get(1))?.attempts).toBe(2);
  });

  it('does not let a clock that jumped back a day hold a retry or a lease beyond its normal length', async () => {
    await issue(db);
    const day = 86_400_000;
    const later = 10 * day;
    expect(await takeBatch(db, 10, later, { owner: 'other-window' })).toHaveLength(1);
    await db.outbox.update(1, { nextTryAt: later + 4_000 });
    expect(await takeBatch(db, 10, later + 1_000)).toHaveLength(0);
    // The clock now reads a day earlier: the 4-second backoff and the other window's lease are not a day long.
    expect(await takeBatch(db, 10, later - day)).toHaveLength(1);
  });

  it('takes at most max rows', async () => {
    for (let i = 0; i < 5; i += 1) await issue(db);
    const batch = await takeBatch(db, 2, 3_000);
    expect(batch.map((op) => op.seq)).toEqual([1, 2]);
    expect((await db.outbox.toArray()).map((row) => row.attempts)).toEqual([1, 1, 0, 0, 0]);
  });

  it('holds back the later rows of a token behind its parked row, and only those', async () => {
    const stuck = await issue(db);
    const other = await issue(db);
    await setLifeCycleState(db, stuck.localId, 'NOT_EFFECTIVE', 2_000); // seq 3
    await setLifeCycleState(db, other.localId, 'NOT_EFFECTIVE', 2_000); // seq 4
    await db.outbox.update(1, { status: 'parked' });

    const batch = await takeBatch(db, 10, 3_000);
    expect(batch.map((op) => op.seq)).toEqual([2, 4]);
    expect((await db.outbox.get(3))?.attempts).toBe(0);
  });

  it('fills the batch from other tokens when the first pending rows are held back', async () => {
    const stuck = await issue(db); // seq 1
    await setLifeCycleState(db, stuck.localId, 'NOT_EFFECTIVE', 2_000); // seq 2
    await setLifeCycleState(db, stuck.localId, 'EFFECTIVE', 2_000); // seq 3
    await issue(db); // seq 4
    await db.outbox.update(1, { status: 'parked' });
    expect((await takeBatch(db, 1, 3_000)).map((op) => op.seq)).toEqual([4]);
  });

  it('parks a row the contract would refuse instead of sending it, and holds its token', async () => {
    const token = await issue(db);
    await setLifeCycleState(db, token.localId, 'NOT_EFFECTIVE', 2_000);
    const fine = await issue(db);
    await db.outbox.update(1, { op: { kind: 'create', authenticationCode: token.authenticationCode, identifier: '  ', sealedPassCode: null, participantNumber: null } });

    const batch = await takeBatch(db, 10, 3_000);
    expect(batch.map((op) => op.tokenLocalId)).toEqual([fine.localId]);
    expect(await db.outbox.get(1)).toMatchObject({ status: 'parked', attempts: 0, lastError: { code: 'INVALID_OPERATION' } });
    expect(await db.outbox.get(2)).toMatchObject({ status: 'parked', attempts: 0, lastError: { code: 'WAITING' } });
    expect((await db.outbox.get(2))?.lastError?.message).toMatch(/^Waits for an earlier change of this token: This change cannot be sent/);
    expect(await db.tokens.get(token.localId)).toMatchObject({ syncStatus: 'attention' });
    expect((await db.tokens.get(token.localId))?.lastError).toMatch(/^This change cannot be sent/);
  });

  it('returns nothing for an empty queue', async () => {
    expect(await takeBatch(db, 10, 3_000)).toEqual([]);
  });
});

describe('applyResults', () => {
  /** Everything sendable; `force` also sends what is backing off after a retry. */
  async function sendAll(force = false): Promise<Operation[]> {
    return takeBatch(db, 50, 3_000, { force });
  }

  it('done: removes the row and copies the CRM facts onto the token', async () => {
    const token = await issue(db, { participantNumber: '29' });
    const [op] = await sendAll();
    const server = serverToken({
      id: 'F'.repeat(32),
      number: '4711',
      identifier: token.identifier,
      authenticationCode: token.authenticationCode,
      updatedDate: '2024-06-01T09:30:00',
    });
    const summary = await applyResults(db, [{ seq: op!.seq, outcome: 'done', token: server, adopted: false }], 9_000);

    expect(summary).toEqual({ done: 1, retry: 0, parked: 0, conflict: 0, blocked: 0, ignored: 0 });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.tokens.get(token.localId)).toMatchObject({
      serverId: 'F'.repeat(32),
      number: '4711',
      participant: server.participant,
      participantNumber: '29',
      classificationName: 'Gold',
      serverCreatedDate: server.createdDate,
      serverUpdatedDate: '2024-06-01T09:30:00',
      createdBy: 'counter1',
      updatedBy: 'counter1',
      confirmedAt: 9_000,
      syncStatus: 'synced',
      lastError: null,
    });
    const audit = await db.audit.where('tokenLocalId').equals(token.localId).toArray();
    expect(audit.map((row) => row.outcome)).toEqual(['queued', 'synced']);
  });

  it('done and adopted: audits the adoption', async () => {
    await issue(db);
    const [op] = await sendAll();
    await applyResults(db, [doneResult(op!, {}, true)], 9_000);
    expect((await db.audit.orderBy('id').last())?.outcome).toBe('adopted');
  });

  it('done: takes the CRM values of the editable fields once nothing else of the token is queued', async () => {
    const token = await issue(db);
    const [op] = await sendAll();
    await applyResults(db, [doneResult(op!, { lifeCycleState: 'NOT_EFFECTIVE', identifier: 'FROMCRM1' })], 9_000);
    expect(await db.tokens.get(token.localId)).toMatchObject({ lifeCycleState: 'NOT_EFFECTIVE', identifier: 'FROMCRM1' });
  });

  it("done: does not overwrite the counter's fields while later operations of the token are queued", async () => {
    const token = await issue(db);
    await setLifeCycleState(db, token.localId, 'NOT_EFFECTIVE', 2_000);
    const [create, setState] = await sendAll();
    // The create landed (the CRM says EFFECTIVE); the switch-off did not get through yet.
    await applyResults(
      db,
      [doneResult(create!, { number: '5001' }), { seq: setState!.seq, outcome: 'retry', error: { code: 'TIMEOUT', message: 'CRM timed out' } }],
      9_000,
    );
    expect(await db.tokens.get(token.localId)).toMatchObject({
      number: '5001',
      confirmedAt: 9_000,
      lifeCycleState: 'NOT_EFFECTIVE',
      syncStatus: 'pending',
    });

    const [retried] = await sendAll(true);
    expect(retried).toMatchObject({ seq: setState!.seq, attempt: 2 });
    await applyResults(db, [doneResult(retried!, { number: '5001', lifeCycleState: 'NOT_EFFECTIVE' })], 10_000);
    expect(await db.tokens.get(token.localId)).toMatchObject({ lifeCycleState: 'NOT_EFFECTIVE', syncStatus: 'synced', confirmedAt: 10_000 });
  });

  it('done for two operations of one token in one reply applies them in queue order', async () => {
    const token = await issue(db);
    await setLifeCycleState(db, token.localId, 'NOT_EFFECTIVE', 2_000);
    const [create, setState] = await sendAll();
    // Results arrive out of order; the later one's state must win.
    await applyResults(db, [doneResult(setState!), doneResult(create!)], 9_000);
    expect(await db.tokens.get(token.localId)).toMatchObject({ lifeCycleState: 'NOT_EFFECTIVE', syncStatus: 'synced' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('retry: keeps the row pending with its error', async () => {
    const token = await issue(db);
    const [op] = await sendAll();
    const summary = await applyResults(db, [{ seq: op!.seq, outcome: 'retry', error: { code: 'NETWORK', message: 'CRM unreachable' } }], 9_000);
    expect(summary.retry).toBe(1);
    expect(await db.outbox.get(op!.seq)).toMatchObject({ status: 'pending', attempts: 1, lastError: { code: 'NETWORK', message: 'CRM unreachable' } });
    expect(await db.tokens.get(token.localId)).toMatchObject({ syncStatus: 'pending' });
    expect(await countPending(db)).toBe(1);
  });

  it('parked: parks the row and marks the token as needing attention', async () => {
    const token = await issue(db);
    const [op] = await sendAll();
    const error = { code: 'IDENTIFIER_EXISTS', message: 'The identifier is already used in the CRM.' };
    await applyResults(db, [{ seq: op!.seq, outcome: 'parked', error }], 9_000);

    expect(await db.outbox.get(op!.seq)).toMatchObject({ status: 'parked', lastError: error });
    expect(await db.tokens.get(token.localId)).toMatchObject({ syncStatus: 'attention', lastError: error.message });
    expect((await db.audit.orderBy('id').last())?.outcome).toBe('parked');
    expect({ pending: await countPending(db), parked: await countParked(db) }).toEqual({ pending: 0, parked: 1 });
    expect(await takeBatch(db, 10, 10_000)).toEqual([]);
  });

  it('parked with main’s words: the token keeps them beside its English reason, and loses both once the change is gone', async () => {
    const token = await issue(db);
    const [op] = await sendAll();
    const reason = 'Rewards participant 99 does not exist.';
    const error = { code: 'CRM-1043', message: reason, words: { code: 'crmRefused', reason } } as const;
    await applyResults(db, [{ seq: op!.seq, outcome: 'parked', error }], 9_000);
    expect(await db.tokens.get(token.localId)).toMatchObject({ lastError: reason, lastProblem: { kind: 'refused', words: error.words } });

    await retryParked(db, op!.seq, 9_500);
    expect(await db.tokens.get(token.localId)).toMatchObject({ syncStatus: 'pending', lastError: null, lastProblem: null });
  });

  it('done for one row keeps a token with a parked row marked as needing attention', async () => {
    const token = await issue(db);
    await setLifeCycleState(db, token.localId, 'NOT_EFFECTIVE', 2_000);
    const [create, setState] = await sendAll();
    await applyResults(db, [{ seq: create!.seq, outcome: 'parked', error: { code: 'X', message: 'refused' } }, doneResult(setState!)], 9_000);
    expect(await db.tokens.get(token.localId)).toMatchObject({ syncStatus: 'attention', lastError: 'refused' });
  });

  it('blocked: the operation was not sent, so its attempt is given back', async () => {
    const token = await issue(db);
    await setLifeCycleState(db, token.localId, 'NOT_EFFECTIVE', 2_000);
    const [create, setState] = await sendAll();
    await applyResults(
      db,
      [
        { seq: create!.seq, outcome: 'retry', error: { code: 'NETWORK', message: 'down' } },
        { seq: setState!.seq, outcome: 'blocked' },
      ],
      9_000,
    );
    expect((await db.outbox.get(create!.seq))?.attempts).toBe(1);
    expect((await db.outbox.get(setState!.seq))?.attempts).toBe(0);
    expect((await sendAll(true)).map((op) => op.attempt)).toEqual([2, 1]);
  });

  it('ignores a repeated or late reply', async () => {
    const token = await issue(db);
    const [op] = await sendAll();
    await applyResults(db, [doneResult(op!, { number: '1' })], 9_000);
    const late = await applyResults(
      db,
      [doneResult(op!, { number: '2' }), { seq: op!.seq, outcome: 'parked', error: { code: 'X', message: 'late' } }, { seq: 999, outcome: 'blocked' }],
      10_000,
    );
    expect(late).toEqual({ done: 0, retry: 0, parked: 0, conflict: 0, blocked: 0, ignored: 3 });
    expect(await db.tokens.get(token.localId)).toMatchObject({ number: '1', syncStatus: 'synced', confirmedAt: 9_000 });
  });

  it('ignores a result for a row that was never sent', async () => {
    await issue(db);
    const summary = await applyResults(db, [{ seq: 1, outcome: 'blocked' }], 9_000);
    expect(summary.ignored).toBe(1);
    expect((await db.outbox.get(1))?.attempts).toBe(0);
  });

  it('applies a whole reply or nothing', async () => {
    const first = await issue(db);
    const second = await issue(db);
    const [a, b] = await sendAll();
    // Writing the second token fails after the first result was applied in the same transaction.
    db.tokens.hook('updating', (mods, key) => {
      if (key === second.localId) throw new Error('write failed');
      return undefined;
    });
    await expect(applyResults(db, [doneResult(a!), doneResult(b!)], 9_000)).rejects.toThrow('write failed');
    expect(await db.outbox.count()).toBe(2);
    expect(await db.tokens.get(first.localId)).toMatchObject({ syncStatus: 'pending', number: null });
  });

  it('writes a reply of confirmations together: one delete, one audit write and one token write for the lot', async () => {
    for (let i = 0; i < 5; i += 1) await issue(db);
    const ops = await sendAll();
    const calls = [vi.spyOn(db.outbox, 'delete'), vi.spyOn(db.outbox, 'bulkDelete'), vi.spyOn(db.audit, 'bulkAdd'), vi.spyOn(db.tokens, 'put'), vi.spyOn(db.tokens, 'bulkPut')];
    const summary = await applyResults(db, ops.map((op) => doneResult(op)), 9_000);
    expect(summary.done).toBe(5);
    expect(calls.map((spy) => spy.mock.calls.length)).toEqual([0, 1, 1, 0, 1]);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.tokens.where('syncStatus').equals('synced').count()).toBe(5);
  });

  it('records a reply that mixes outcomes in queue order', async () => {
    const tokens = [await issue(db), await issue(db), await issue(db)];
    const [a, b, c] = await sendAll();
    const refused = { code: 'IDENTIFIER_TAKEN', message: 'The identifier is taken.' };
    await applyResults(db, [doneResult(c!), { seq: b!.seq, outcome: 'parked', error: refused }, doneResult(a!)], 9_000);
    const sync = (await db.audit.orderBy('id').toArray()).filter((row) => row.outcome !== 'queued');
    expect(sync.map((row) => [row.tokenLocalId, row.outcome])).toEqual([
      [tokens[0]!.localId, 'synced'],
      [tokens[1]!.localId, 'parked'],
      [tokens[2]!.localId, 'synced'],
    ]);
  });

  it("names a token by the CRM's own code from the change after its create, in the same reply", async () => {
    const token = await issue(db);
    await setLifeCycleState(db, token.localId, 'NOT_EFFECTIVE', 2_000);
    const [create, setState] = await sendAll();
    const crmCode = 'CRMMADE000000001';
    await applyResults(db, [doneResult(create!, { authenticationCode: crmCode }), doneResult(setState!, { authenticationCode: crmCode })], 9_000);
    const last = await db.audit.orderBy('id').last();
    expect(last?.what).toMatchObject({ kind: 'synced', change: { kind: 'setState', authenticationCode: crmCode } });
    expect(await db.tokens.get(token.localId)).toMatchObject({ authenticationCode: crmCode, lifeCycleState: 'NOT_EFFECTIVE', syncStatus: 'synced' });
  });

  it('settles the tokens of one reply as if one by one: a code one gives up is free for a later one', async () => {
    const first = await issue(db);
    const second = await issue(db);
    const [a, b] = await sendAll();
    // The CRM gave the first token a code of its own, and holds the second under the first's old code.
    const crmCode = 'CRMMADE000000002';
    await applyResults(db, [doneResult(a!, { authenticationCode: crmCode }), doneResult(b!, { authenticationCode: first.authenticationCode })], 9_000);
    expect(await db.tokens.get(first.localId)).toMatchObject({ authenticationCode: crmCode });
    expect(await db.tokens.get(second.localId)).toMatchObject({ authenticationCode: first.authenticationCode, syncStatus: 'synced' });
  });

  it('keeps the local authentication code when the CRM reports one another local token holds', async () => {
    const first = await issue(db);
    const second = await issue(db);
    const [, op] = await sendAll();
    await applyResults(db, [doneResult(op!, { authenticationCode: first.authenticationCode })], 9_000);
    expect(await db.tokens.get(second.localId)).toMatchObject({ authenticationCode: second.authenticationCode, syncStatus: 'synced' });
  });
});
