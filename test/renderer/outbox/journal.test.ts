import { afterEach, describe, expect, it } from 'vitest';
import { applyResults, discardParked, linkJournal, reconcileJournal, repairJournal, takeBatch, watchJournalProblem } from '../../../renderer/outbox';
import { readNotedSettles } from '../../../renderer/outbox/journal';
import { setLifeCycleState } from '../../../renderer/commands/tokenWrites';
import type { TokenDeskDatabase } from '../../../renderer/storage/database';
import { runSync } from '../../../renderer/sync/runSync';
import { closeTestDb, fakeTokenDesk, issue, memoryJournal, openTestDb, type MemoryJournal } from '../support';
import { fakeMain, type FakeMain } from '../sync/fakeMain';

const opened: TokenDeskDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await closeTestDb(db);
});

function database(): TokenDeskDatabase {
  const db = openTestDb();
  opened.push(db);
  return db;
}

function journalApi(journal: MemoryJournal, failing: { failing: boolean } = { failing: false }) {
  return fakeTokenDesk({
    journalAppend: (request) => {
      if (failing.failing) throw new Error('ENOSPC: no space left on device, write');
      return journal.handlers.journalAppend!(request);
    },
    journalSettle: (request) => {
      if (failing.failing) throw new Error('no space left on device');
      return journal.handlers.journalSettle!(request);
    },
    journalRead: (request) => journal.handlers.journalRead!(request),
  }).api;
}

const sync = (db: TokenDeskDatabase, main: FakeMain, now = 10_000) =>
  runSync({ db, api: main.api, now: () => now }, { force: true, config: { stockLevel: 0, refreshCount: 0 } });

describe('the journal of queued work', () => {
  it('holds each queued change as soon as the command returns, and lets it go once the CRM has it', async () => {
    const db = database();
    const journal = memoryJournal();
    linkJournal(db, journalApi(journal));
    const token = await issue(db);
    expect([...journal.live.values()].map((e) => [e.operation.kind, e.operation.seq, e.operation.tokenLocalId])).toEqual([['create', 1, token.localId]]);
    await setLifeCycleState(db, token.localId, 'NOT_EFFECTIVE', 2_000);
    expect([...journal.live.values()].map((e) => e.operation.kind)).toEqual(['create', 'setState']);
    const row = await db.outbox.get(1);
    expect(journal.live.get(row!.journalId!)?.operation).toMatchObject({ authenticationCode: token.authenticationCode, sealedPassCode: 'sealed-pass-code' });

    expect((await sync(db, fakeMain())).totals.done).toBe(2);
    expect(journal.live.size).toBe(0);
    expect(await readNotedSettles(db)).toEqual([]);
  });

  it('puts back what a lost database held, exactly once, and the CRM makes each token once', async () => {
    const journal = memoryJournal();
    const before = database();
    linkJournal(before, journalApi(journal));
    const a = await issue(before);
    const b = await issue(before);
    await setLifeCycleState(before, a.localId, 'NOT_EFFECTIVE', 2_000);

    const wiped = database();
    const first = await reconcileJournal(wiped, journalApi(journal), 5_000);
    expect(first).toEqual({ restored: [`create ${a.authenticationCode}`, `create ${b.authenticationCode}`, 'set not effective'], problem: null });
    expect(await reconcileJournal(wiped, journalApi(journal), 6_000)).toEqual({ restored: [], problem: null });
    expect(await wiped.outbox.count()).toBe(3);
    expect(await wiped.tokens.get(a.localId)).toMatchObject({ authenticationCode: a.authenticationCode, identifier: a.identifier, lifeCycleState: 'NOT_EFFECTIVE', syncStatus: 'pending' });
    // Journalled again under the same ids, with the new queue numbers.
    expect(journal.live.size).toBe(3);

    linkJournal(wiped, journalApi(journal));
    const main = fakeMain();
    expect((await sync(wiped, main)).totals.done).toBe(3);
    expect(main.creates()).toBe(2);
    expect(main.pushed().map((op) => op.attempt)).toEqual([2, 2, 2]);
    expect(journal.live.size).toBe(0);
  });

  it('names who queued a restored change, though nobody is signed in yet, in its restore and in the sync that follows', async () => {
    const journal = memoryJournal();
    const before = database();
    linkJournal(before, journalApi(journal));
    before.actor = { ...before.actor, operator: { id: 'op-anna', name: 'Anna' } };
    const token = await issue(before);

    const wiped = database();
    await reconcileJournal(wiped, journalApi(journal), 5_000);
    expect((await wiped.outbox.toArray()).map((row) => row.queuedBy)).toEqual([{ id: 'op-anna', name: 'Anna' }]);
    linkJournal(wiped, journalApi(journal));
    await sync(wiped, fakeMain());
    const audit = await wiped.audit.where('tokenLocalId').equals(token.localId).toArray();
    expect(audit.map((row) => [row.action, row.outcome, row.operator, row.operatorId])).toEqual([
      ['restore', 'requeued', 'Anna', 'op-anna'],
      ['create', 'synced', 'Anna', 'op-anna'],
    ]);
  });

  it('adopts a create that reached the CRM just before the database was lost, instead of making a twin', async () => {
    const journal = memoryJournal();
    const before = database();
    linkJournal(before, journalApi(journal));
    await issue(before);
    const main = fakeMain();
    await main.api.pushOperations({ operations: await takeBatch(before, 10, 3_000) });
    expect(main.creates()).toBe(1);

    const wiped = database();
    await reconcileJournal(wiped, journalApi(journal), 5_000);
    linkJournal(wiped, journalApi(journal));
    const report = await sync(wiped, main);
    expect(report.totals.done).toBe(1);
    expect(main.creates()).toBe(1);
    expect((await wiped.audit.toArray()).map((row) => row.outcome)).toContain('adopted');
  });

  it('puts back only the change a damaged log lost; the token it belonged to comes back whole', async () => {
    const journal = memoryJournal();
    const db = database();
    linkJournal(db, journalApi(journal));
    const kept = await issue(db);
    const lost = await issue(db);
    // The last transaction is gone, as after a truncated LevelDB log.
    await db.outbox.where('tokenLocalId').equals(lost.localId).delete();
    await db.tokens.delete(lost.localId);

    expect((await reconcileJournal(db, journalApi(journal), 5_000)).restored).toEqual([`create ${lost.authenticationCode}`]);
    expect(await db.tokens.get(lost.localId)).toMatchObject({ authenticationCode: lost.authenticationCode, identifier: lost.identifier, syncStatus: 'pending' });
    expect((await db.outbox.toArray()).map((row) => row.tokenLocalId)).toEqual([kept.localId, lost.localId]);
  });

  it('never brings back a change that finished while main could not be told (the outcome waits in the database)', async () => {
    const journal = memoryJournal();
    const failing = { failing: false };
    const db = database();
    linkJournal(db, journalApi(journal, failing));
    const token = await issue(db);
    const [create] = await takeBatch(db, 10, 3_000);
    failing.failing = true;
    await applyResults(db, [{ seq: create!.seq, outcome: 'parked', error: { code: 'X', message: 'refused' } }], 3_500);
    await discardParked(db, create!.seq, 4_000);
    expect(journal.live.size).toBe(1);
    expect(await readNotedSettles(db)).toHaveLength(1);

    failing.failing = false;
    expect(await reconcileJournal(db, journalApi(journal), 5_000)).toEqual({ restored: [], problem: null });
    expect(journal.live.size).toBe(0);
    expect(await db.tokens.get(token.localId)).toBeUndefined();
  });

  it('keeps the work when the journal cannot be written, says so, and catches the journal up on the next write', async () => {
    const journal = memoryJournal();
    const failing = { failing: true };
    const db = database();
    linkJournal(db, journalApi(journal, failing), () => repairJournal(db, journalApi(journal, failing)));
    const problems: Array<string | null> = [];
    watchJournalProblem(db, (problem) => problems.push(problem));

    const first = await issue(db);
    expect(await db.tokens.get(first.localId)).toBeDefined();
    expect(journal.live.size).toBe(0);
    expect(problems.at(-1)).toMatch(/second copy of unsynced work could not be written \(the disk is full\)\. Your work is saved/);

    failing.failing = false;
    await issue(db);
    expect(journal.live.size).toBe(2);
    expect(problems.at(-1)).toBeNull();
  });

  it('journals changes queued before the journal existed, giving them an id', async () => {
    const journal = memoryJournal();
    const db = database();
    await issue(db);
    await db.outbox.toCollection().modify((row) => {
      delete row.journalId;
    });
    expect(await reconcileJournal(db, journalApi(journal), 5_000)).toEqual({ restored: [], problem: null });
    const [row] = await db.outbox.toArray();
    expect(row?.journalId).toBeTypeOf('string');
    expect([...journal.live.keys()]).toEqual([row?.journalId]);
  });
});
