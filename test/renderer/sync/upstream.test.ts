import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Operation, PushReply } from '../../../shared/ipc/contract';
import { setLifeCycleState } from '../../../renderer/commands/tokenWrites';
import { countPending } from '../../../renderer/outbox';
import type { TokenDeskDatabase } from '../../../renderer/storage/database';
import { BATCHES_IN_FLIGHT } from '../../../renderer/sync/upstream';
import { runSync } from '../../../renderer/sync/runSync';
import { closeTestDb, doneResult, fakeTokenDesk, issue, openTestDb, retryResult } from '../support';

/** Main as a test holds it: each push waits until the test answers it. */
function heldMain() {
  const pushes: { seqs: number[]; answer: (reply: PushReply) => void }[] = [];
  const fake = fakeTokenDesk({
    pushOperations: ({ operations }) =>
      new Promise<PushReply>((answer) => pushes.push({ seqs: operations.map((op: Operation) => op.seq), answer: (reply) => answer(reply) })),
  });
  const ops = (index: number) =>
    (fake.calls.filter((call) => call.channel === 'pushOperations')[index]?.payload as { operations: Operation[] } | undefined)?.operations ?? [];
  const allDone = (index: number): PushReply => ({ crm: 'ok', message: null, results: ops(index).map((op) => doneResult(op)) });
  return { api: fake.api, pushes, ops, allDone };
}

let db: TokenDeskDatabase;
beforeEach(() => {
  db = openTestDb();
});
afterEach(() => closeTestDb(db));

const noStock = { stockLevel: 0 };
const sync = (main: ReturnType<typeof heldMain>, batchSize: number) => runSync({ db, api: main.api, now: () => 100_000 }, { batchSize, config: noStock });

describe('pushing without a batch barrier', () => {
  it('keeps the next batches with main while a batch waits for its slowest answer, and refills as each reply comes', async () => {
    for (let i = 0; i < 12; i += 1) await issue(db);
    const main = heldMain();
    const running = sync(main, 3);
    await expect.poll(() => main.pushes.length).toBe(BATCHES_IN_FLIGHT);

    // The first batch is held up; the second is answered: a fourth batch goes before the first answers.
    main.pushes[1]!.answer(main.allDone(1));
    await expect.poll(() => main.pushes.length).toBe(BATCHES_IN_FLIGHT + 1);
    expect(main.pushes.flatMap((push) => push.seqs)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    await expect.poll(() => countPending(db)).toBe(9);

    for (const index of [2, 3, 0]) main.pushes[index]!.answer(main.allDone(index));
    const report = await running;
    expect(report.totals.done).toBe(12);
    expect(await countPending(db)).toBe(0);
  });

  it('sends a token’s next change only once the answer to its change in flight is applied', async () => {
    const first = await issue(db);
    await setLifeCycleState(db, first.localId, 'NOT_EFFECTIVE', 1_500);
    await issue(db);
    await issue(db);
    const main = heldMain();
    const running = sync(main, 1);
    await expect.poll(() => main.pushes.length).toBe(3);
    expect(main.pushes.map((push) => push.seqs)).toEqual([[1], [3], [4]]);

    main.pushes[0]!.answer(main.allDone(0));
    await expect.poll(() => main.pushes.length).toBe(4);
    expect(main.pushes[3]!.seqs).toEqual([2]);
    expect(await db.outbox.get(1)).toBeUndefined();

    for (const index of [1, 2, 3]) main.pushes[index]!.answer(main.allDone(index));
    expect((await running).totals.done).toBe(4);
  });

  it('takes no more once a reply says to wait, applies the batches still in flight, and leaves the rest untried', async () => {
    for (let i = 0; i < 8; i += 1) await issue(db);
    const main = heldMain();
    const running = sync(main, 2);
    await expect.poll(() => main.pushes.length).toBe(BATCHES_IN_FLIGHT);

    main.pushes[0]!.answer({ crm: 'unreachable', message: 'Cannot reach the CRM', results: main.ops(0).map((op) => retryResult(op)) });
    main.pushes[2]!.answer(main.allDone(2));
    main.pushes[1]!.answer(main.allDone(1));
    const report = await running;

    expect(main.pushes).toHaveLength(BATCHES_IN_FLIGHT);
    expect(report.crm, 'an ok applied later does not hide the unreachable CRM').toBe('unreachable');
    expect(report.totals).toMatchObject({ done: 4, retry: 2 });
    expect(await countPending(db)).toBe(4);
    const untried = await db.outbox.bulkGet([7, 8]);
    expect(untried.map((row) => [row?.attempts, row?.leaseOwner])).toEqual([
      [0, null],
      [0, null],
    ]);
  });

  it('applies the batches still with main when taking the next batch throws, and leaves no lease behind', async () => {
    for (let i = 0; i < 6; i += 1) await issue(db);
    const main = heldMain();
    let takes = 0;
    const liveOwners = async () => {
      takes += 1;
      if (takes > BATCHES_IN_FLIGHT) throw new Error('The database went away');
      return () => true;
    };
    const running = runSync({ db, api: main.api, now: () => 100_000, liveOwners }, { batchSize: 1, config: noStock });
    await expect.poll(() => main.pushes.length).toBe(BATCHES_IN_FLIGHT);

    for (const index of [0, 1, 2]) main.pushes[index]!.answer(main.allDone(index));
    const report = await running;

    expect(report.failure).toBe('The database went away');
    expect(report.totals.done).toBe(BATCHES_IN_FLIGHT);
    expect(await countPending(db)).toBe(6 - BATCHES_IN_FLIGHT);
    expect((await db.outbox.toArray()).map((row) => row.leaseOwner)).toEqual([null, null, null]);
  });
});
