import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyResults } from '../../../renderer/outbox';
import { backoffDelay, DEFAULT_BACKOFF } from '../../../renderer/outbox';
import type { TokenDeskDatabase } from '../../../renderer/storage/database';
import { setLifeCycleState } from '../../../renderer/commands/tokenWrites';
import { takeBatch } from '../../../renderer/outbox';
import { closeTestDb, issue, openTestDb, retryResult } from '../support';

describe('backoffDelay', () => {
  it('doubles from 2 s per attempt up to the 5 min cap', () => {
    const top = () => 1 - Number.EPSILON;
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 50].map((attempts) => backoffDelay(attempts, top) + 1);
    expect(ceilings).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000, 300_000, 300_000]);
  });

  it('keeps the jitter within [ceiling / 2, ceiling)', () => {
    for (const attempts of [1, 3, 9, 40]) {
      const ceiling = Math.min(DEFAULT_BACKOFF.capMs, DEFAULT_BACKOFF.baseMs * 2 ** (attempts - 1));
      expect(backoffDelay(attempts, () => 0)).toBe(ceiling / 2);
      expect(backoffDelay(attempts, () => 0.5)).toBe((ceiling * 3) / 4);
      for (let i = 0; i < 200; i += 1) {
        const delay = backoffDelay(attempts);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThan(ceiling);
      }
    }
  });

  it('clamps a random source that strays out of [0, 1)', () => {
    expect(backoffDelay(1, () => -3)).toBe(1_000);
    expect(backoffDelay(1, () => 7)).toBeLessThan(2_000);
  });
});

describe('backoff in the outbox', () => {
  let db: TokenDeskDatabase;
  beforeEach(() => {
    db = openTestDb();
  });
  afterEach(() => closeTestDb(db));

  it('a retry waits its backoff: timers skip it, "Sync now" forces it', async () => {
    await issue(db);
    const [op] = await takeBatch(db, 10, 10_000);
    await applyResults(db, [retryResult(op!)], 11_000, () => 0.5);
    expect(await db.outbox.get(op!.seq)).toMatchObject({ nextTryAt: 11_000 + 1_500, leaseUntil: 0, leaseOwner: null, attempts: 1 });

    expect(await takeBatch(db, 10, 12_499)).toEqual([]);
    expect((await takeBatch(db, 10, 12_500)).map((o) => o.attempt)).toEqual([2]);
  });

  it('each further retry waits longer', async () => {
    await issue(db);
    let now = 10_000;
    const waits: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const [op] = await takeBatch(db, 10, now, { force: true });
      await applyResults(db, [retryResult(op!)], now, () => 0);
      const row = await db.outbox.get(op!.seq);
      waits.push(row!.nextTryAt - now);
      now = row!.nextTryAt;
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('forced sends still skip nothing else: the backed-off row holds back its token only', async () => {
    const slow = await issue(db);
    await setLifeCycleState(db, slow.localId, 'NOT_EFFECTIVE', 2_000);
    const other = await issue(db);
    const [create] = await takeBatch(db, 1, 10_000);
    await applyResults(db, [retryResult(create!)], 10_000, () => 0);

    const timerBatch = await takeBatch(db, 10, 10_500);
    expect(timerBatch.map((op) => op.tokenLocalId)).toEqual([other.localId]);
    const forcedBatch = await takeBatch(db, 10, 10_600, { force: true });
    expect(forcedBatch.map((op) => [op.tokenLocalId, op.kind])).toEqual([
      [slow.localId, 'create'],
      [slow.localId, 'setState'],
      [other.localId, 'create'],
    ]);
  });

  it('blocked does not back off: the row was not sent', async () => {
    const token = await issue(db);
    await setLifeCycleState(db, token.localId, 'NOT_EFFECTIVE', 2_000);
    const [create, setState] = await takeBatch(db, 10, 10_000);
    await applyResults(db, [retryResult(create!), { seq: setState!.seq, outcome: 'blocked' }], 10_000, () => 0);
    expect(await db.outbox.get(setState!.seq)).toMatchObject({ nextTryAt: 0, attempts: 0, leaseUntil: 0 });
    expect(await db.outbox.get(create!.seq)).toMatchObject({ nextTryAt: 11_000 });
  });
});
