import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TokenDeskDatabase } from '../../../renderer/storage/database';
import type { Operation, OperationResult } from '../../../shared/ipc/contract';
import { switchFor } from '../../../shared/token/lifeCycle';
import { setLifeCycleState } from '../../../renderer/commands/tokenWrites';
import {
  applyMine,
  applyResults,
  discardParked,
  isDiscardable,
  keepCrmValue,
  linkJournal,
  newOutboxRow,
  queueStats,
  reconcileJournal,
  releaseLeases,
  retryParked,
  takeBatch,
} from '../../../renderer/outbox';
import type { OutboxRow, OutboxStatus, SentRow } from '../../../renderer/storage/rows';
import { closeTestDb, doneResult, fakeTokenDesk, issue, memoryJournal, openTestDb, retryResult } from '../support';

let db: TokenDeskDatabase;
const others: TokenDeskDatabase[] = [];
beforeEach(() => {
  db = openTestDb();
});
afterEach(async () => {
  await closeTestDb(db);
  for (const other of others.splice(0)) await closeTestDb(other);
});

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

const inConflict = (row: SentRow) => row.status === 'conflict';
/** The operator's decisions, each with the rows it applies to. */
const DECISIONS = {
  retry: { choose: isDiscardable, decide: retryParked },
  discard: { choose: isDiscardable, decide: (db: TokenDeskDatabase, seq: number, now: number) => discardParked(db, seq, now) },
  keep: { choose: inConflict, decide: keepCrmValue },
  mine: { choose: inConflict, decide: applyMine },
};

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

  it('stay true through any sequence of the outbox\'s own work, and after the queue is put back from the journal', async () => {
    const outcomes = ['done', 'retry', 'parked', 'conflict'] as const;
    const step = fc.oneof(
      fc.record({ kind: fc.constant('issue' as const) }),
      fc.record({ kind: fc.constant('switch' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('lease' as const), max: fc.integer({ min: 1, max: 4 }), force: fc.boolean() }),
      fc.record({ kind: fc.constant('answer' as const), outcomes: fc.array(fc.constantFrom(...outcomes), { minLength: 1, maxLength: 4 }) }),
      fc.record({ kind: fc.constant('release' as const) }),
      fc.record({ kind: fc.constantFrom('retry' as const, 'discard' as const, 'keep' as const, 'mine' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('restore' as const) }),
    );
    type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;
    const answer = (op: Operation, outcome: (typeof outcomes)[number]): OperationResult => {
      if (outcome === 'done') return doneResult(op);
      if (outcome === 'retry') return retryResult(op);
      if (outcome === 'parked') return { seq: op.seq, outcome, error: { code: 'REFUSED', message: 'refused' } };
      const { token } = doneResult(op) as Extract<OperationResult, { outcome: 'done' }>;
      return { seq: op.seq, outcome, token, conflicts: [{ field: 'identifier', crm: 'CRM1', mine: 'MINE1' }] };
    };
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const journal = memoryJournal();
        const api = fakeTokenDesk(journal.handlers).api;
        let current = openTestDb();
        others.push(current);
        linkJournal(current, api);
        let inFlight: Operation[] = [];
        let now = 1_000;
        const rows = async (test: (row: SentRow) => boolean) => ((await current.outbox.toArray()) as SentRow[]).filter(test);
        const pickOf = <T>(list: readonly T[], n: number): T | undefined => list[n % Math.max(1, list.length)];
        const run = async (s: Step) => {
          now += 1_000;
          if (s.kind === 'issue') await issue(current, {}, now);
          else if (s.kind === 'switch') {
            const token = pickOf(await current.tokens.toArray(), s.pick);
            const offer = token && switchFor(token.lifeCycleState);
            if (token && offer?.target) await setLifeCycleState(current, token.localId, offer.target, now);
          } else if (s.kind === 'lease') inFlight = [...inFlight, ...(await takeBatch(current, s.max, now, { force: s.force }))];
          else if (s.kind === 'answer') {
            await applyResults(current, inFlight.map((op, i) => answer(op, s.outcomes[i % s.outcomes.length]!)), now);
            inFlight = [];
          } else if (s.kind === 'release') {
            await releaseLeases(current, inFlight.map((op) => op.seq));
            inFlight = [];
          } else if (s.kind === 'restore') {
            current = openTestDb();
            others.push(current);
            await reconcileJournal(current, api, now);
            linkJournal(current, api);
            inFlight = [];
          } else {
            const { choose, decide } = DECISIONS[s.kind];
            const row = pickOf(await rows(choose), s.pick);
            if (row) await decide(current, row.seq, now);
          }
        };
        for (const s of steps) {
          await run(s);
          db = current;
          expect(await queueStats(current), `after ${s.kind}`).toEqual(await counted());
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
