import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyResults } from '../../../renderer/outbox';
import { TokenDeskDatabase } from '../../../renderer/storage/database';
import { setLifeCycleState } from '../../../renderer/commands/tokenWrites';
import { LEASE_MS, releaseLeases, takeBatch } from '../../../renderer/outbox';
import { closeTestDb, doneResult, issue, openTestDb, retryResult } from '../support';

/** Two windows: two connections to the same IndexedDB database. */
let first: TokenDeskDatabase;
let second: TokenDeskDatabase;
beforeEach(() => {
  first = openTestDb();
  second = new TokenDeskDatabase(first.name);
});
afterEach(async () => {
  second.close();
  await closeTestDb(first);
});

const seqs = (ops: { seq: number }[]) => ops.map((op) => op.seq);

describe('leases: two windows never push the same operation twice', () => {
  it('gives each pending row to one connection only, even when both take at the same moment', async () => {
    for (let i = 0; i < 6; i += 1) await issue(first);
    const [a, b] = await Promise.all([takeBatch(first, 4, 10_000), takeBatch(second, 4, 10_000)]);
    const all = [...seqs(a), ...seqs(b)];
    expect(all.sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(all).size).toBe(6);
    expect(await first.outbox.get(1)).toMatchObject({ leaseUntil: 10_000 + LEASE_MS, attempts: 1 });
  });

  it('holds a leased row, and the later rows of its token, from the other connection until the lease runs out', async () => {
    const token = await issue(first);
    await setLifeCycleState(first, token.localId, 'NOT_EFFECTIVE', 2_000);
    const other = await issue(first);
    expect(seqs(await takeBatch(first, 1, 10_000))).toEqual([1]);

    const taken = await takeBatch(second, 10, 10_000 + LEASE_MS - 1, { force: true });
    expect(taken.map((op) => op.tokenLocalId)).toEqual([other.localId]);
    await applyResults(second, [doneResult(taken[0]!)], 10_000 + LEASE_MS - 1);

    // The first window died without answering: once the lease ran out, the row goes again, as a retry.
    const later = await takeBatch(second, 10, 10_000 + LEASE_MS);
    expect(later.map((op) => [op.seq, op.attempt])).toEqual([
      [1, 2],
      [2, 1],
    ]);
  });

  it('voids the lease of a connection that is no longer running', async () => {
    await issue(first);
    await takeBatch(first, 10, 10_000);
    const ownerAlive = (owner: string) => owner !== first.connectionId;
    expect(await takeBatch(second, 10, 10_001, { isLive: () => true })).toEqual([]);
    expect((await takeBatch(second, 10, 10_001, { isLive: ownerAlive })).map((op) => op.attempt)).toEqual([2]);
  });

  it('lets the owning connection take its own row again (its earlier run is over)', async () => {
    await issue(first);
    await takeBatch(first, 10, 10_000);
    expect((await takeBatch(first, 10, 10_001)).map((op) => op.attempt)).toEqual([2]);
  });

  it('holds back the tokens the caller still has in flight, with every later change of theirs', async () => {
    const token = await issue(first);
    await setLifeCycleState(first, token.localId, 'NOT_EFFECTIVE', 2_000);
    const other = await issue(first);
    expect(seqs(await takeBatch(first, 1, 10_000))).toEqual([1]);
    const next = await takeBatch(first, 10, 10_001, { holdBack: new Set([token.localId]) });
    expect(next.map((op) => op.tokenLocalId)).toEqual([other.localId]);
  });

  it('ends the lease when the answer is applied, or when the push failed before an answer', async () => {
    await issue(first);
    await issue(first);
    const [a, b] = await takeBatch(first, 10, 10_000);
    await applyResults(first, [retryResult(a!)], 10_100, () => 0);
    expect(await first.outbox.get(a!.seq)).toMatchObject({ leaseUntil: 0, leaseOwner: null });

    await releaseLeases(second, [b!.seq]);
    expect(await first.outbox.get(b!.seq)).toMatchObject({ leaseOwner: first.connectionId });
    await releaseLeases(first, [b!.seq]);
    expect(await first.outbox.get(b!.seq)).toMatchObject({ leaseUntil: 0, leaseOwner: null, attempts: 1 });
    expect(seqs(await takeBatch(second, 10, 10_200))).toEqual([b!.seq]);
  });

  it('a reply applied by either window is applied once', async () => {
    const token = await issue(first);
    const [op] = await takeBatch(first, 10, 10_000);
    const reply = [doneResult(op!)];
    const [one, two] = await Promise.all([applyResults(first, reply, 11_000), applyResults(second, reply, 11_000)]);
    expect(one.done + two.done).toBe(1);
    expect(one.ignored + two.ignored).toBe(1);
    expect(await first.audit.where('tokenLocalId').equals(token.localId).count()).toBe(2);
  });
});
