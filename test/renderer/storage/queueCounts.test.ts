import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TokenDeskDatabase } from '../../../renderer/storage/database';
import { applyResults, newOutboxRow, queueStats, retryParked, takeBatch } from '../../../renderer/outbox';
import type { OutboxRow, OutboxStatus } from '../../../renderer/storage/rows';
import { closeTestDb, doneResult, issue, openTestDb, retryResult } from '../support';

let db: TokenDeskDatabase;
beforeEach(() => {
  db = openTestDb();
});
afterEach(() => closeTestDb(db));

/** The counts as the outbox itself says, counted row by row. */
async function counted(): Promise<Awaited<ReturnType<typeof queueStats>>> {
  const rows = await db.outbox.toArray();
  const pending = rows.filter((row) => row.status === 'pending');
  return {
    pending: pending.length,
    parked: rows.filter((row) => row.status === 'parked').length,
    conflicts: rows.filter((row) => row.status === 'conflict').length,
    oldestPendingAt: pending[0]?.createdAt ?? null,
  };
}

const setState = (localId: string, at: number): OutboxRow =>
  newOutboxRow(localId, { kind: 'setState', authenticationCode: 'CODE', base: { updatedDate: null, lifeCycleState: 'EFFECTIVE', identifier: null }, target: 'NOT_EFFECTIVE' }, at);

describe('queue counts', () => {
  it('follow the queue through issue, send, a retry, a refusal, an operator retry and a success', async () => {
    expect(await queueStats(db)).toEqual({ pending: 0, parked: 0, conflicts: 0, oldestPendingAt: null });
    await issue(db, { authenticationCode: 'AAAA1111BBBB2222', identifier: 'A1' }, 1_000);
    await issue(db, { authenticationCode: 'CCCC3333DDDD4444', identifier: 'C1' }, 2_000);
    expect(await queueStats(db)).toEqual({ pending: 2, parked: 0, conflicts: 0, oldestPendingAt: 1_000 });
    const [first, second] = await takeBatch(db, 10, 3_000);
    await applyResults(db, [doneResult(first!), { seq: second!.seq, outcome: 'parked', error: { code: 'X', message: 'no' } }], 3_000);
    expect(await queueStats(db)).toEqual({ pending: 0, parked: 1, conflicts: 0, oldestPendingAt: null });
    await retryParked(db, second!.seq, 4_000);
    expect(await queueStats(db)).toEqual(await counted());
    const [again] = await takeBatch(db, 10, 5_000, { force: true });
    await applyResults(db, [retryResult(again!)], 5_000);
    expect(await queueStats(db)).toEqual({ ...(await counted()), pending: 1 });
    expect(await queueStats(db)).toEqual(await counted());
  });

  it('stay true under any mix of adds, status changes and deletes, in parallel within one transaction', async () => {
    const statuses: OutboxStatus[] = ['pending', 'parked', 'conflict'];
    const step = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), count: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ kind: fc.constant('set' as const), pick: fc.nat(), status: fc.constantFrom(...statuses) }),
      fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('clear' as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(step, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }), async (transactions) => {
        await db.outbox.clear();
        let at = 0;
        for (const steps of transactions) {
          await db.transaction('rw', db.outbox, async () => {
            const seqs = await db.outbox.toCollection().primaryKeys();
            const pick = (n: number) => seqs[n % Math.max(1, seqs.length)];
            await Promise.all(
              steps.map(async (s) => {
                if (s.kind === 'add') await db.outbox.bulkAdd(Array.from({ length: s.count }, () => setState('T', (at += 1))));
                else if (s.kind === 'set' && pick(s.pick) !== undefined) await db.outbox.update(pick(s.pick)!, { status: s.status });
                else if (s.kind === 'delete' && pick(s.pick) !== undefined) await db.outbox.delete(pick(s.pick)!);
                else if (s.kind === 'clear') await db.outbox.where('status').equals('parked').delete();
              }),
            );
          });
          expect(await queueStats(db)).toEqual(await counted());
        }
      }),
      { numRuns: 40 },
    );
  });

  it('are one read of one row', async () => {
    await db.outbox.bulkAdd([setState('T1', 10), setState('T2', 20)]);
    expect(await db.queueCounts.toArray()).toEqual([{ key: 'queue', pending: 2, parked: 0, conflicts: 0, oldestPending: { seq: 1, createdAt: 10 } }]);
  });
});
