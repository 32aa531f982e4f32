import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PushReply } from '../../../shared/ipc/contract';
import { applyResults } from '../../../renderer/outbox';
import { TokenDeskDatabase } from '../../../renderer/storage/database';
import { stockCount } from '../../../renderer/storage/queries';
import { setLifeCycleState } from '../../../renderer/commands/tokenWrites';
import { countPending, takeBatch } from '../../../renderer/outbox';
import { createSyncStore } from '../../../renderer/stores/syncStore';
import { runSync } from '../../../renderer/sync/runSync';
import type { SyncProgressView } from '../../../renderer/sync/types';
import { closeTestDb, issue, openTestDb, serverToken } from '../support';
import { fakeMain, type FakeMain } from './fakeMain';

let db: TokenDeskDatabase;
let main: FakeMain;
let time: number;
const now = () => time;
beforeEach(() => {
  db = openTestDb();
  main = fakeMain();
  time = 100_000;
});
afterEach(() => closeTestDb(db));

const channels = () => main.calls.map((call) => call.channel);
const noStock = { stockLevel: 0 };

describe('runSync', () => {
  it('pushes the queue, then re-reads the stalest tokens the CRM may have changed elsewhere', async () => {
    const token = await issue(db);
    await runSync({ db, api: main.api, now }, { config: noStock });
    expect(await countPending(db)).toBe(0);
    const held = main.crm.get(token.authenticationCode)!;
    main.crm.set(token.authenticationCode, { ...held, lifeCycleState: 'NOT_EFFECTIVE', updatedDate: '2030-01-01T00:00:00' });

    time += 60_000;
    const report = await runSync({ db, api: main.api, now }, { config: { ...noStock, refreshAfterMs: 30_000 } });
    expect(report).toMatchObject({ crm: 'ok', failure: null, freshness: { refreshed: 1, missing: 0, stocked: 0 } });
    expect(main.calls.find((call) => call.channel === 'refreshTokens')?.payload).toEqual({ authenticationCodes: [token.authenticationCode] });
    expect(await db.tokens.get(token.localId)).toMatchObject({ lifeCycleState: 'NOT_EFFECTIVE', confirmedAt: time });
  });

  it('leaves recently confirmed tokens alone and marks the ones the CRM lost', async () => {
    const token = await issue(db);
    await runSync({ db, api: main.api, now }, { config: noStock });
    expect(channels()).not.toContain('refreshTokens');
    main.crm.clear();
    time += 10 * 60_000;
    await runSync({ db, api: main.api, now }, { config: noStock });
    expect(await db.tokens.get(token.localId)).toMatchObject({ syncStatus: 'attention', lastError: 'The CRM no longer knows this token.', lastProblem: { kind: 'missing' } });
  });

  it('tops the stock up to its level, and asks again only after stockRetryMs while the CRM has too few', async () => {
    main.notAssociated.push(
      ...[1, 2, 3].map((n) => serverToken({ id: `S${n}`.padEnd(32, '0'), number: `70${n}`, authenticationCode: `STOCK${n}ABCDEFGH`, participant: null, identifier: null })),
    );
    const config = { stockLevel: 5, stockRetryMs: 60_000 };
    const report = await runSync({ db, api: main.api, now }, { config });
    expect(report.freshness).toEqual({ refreshed: 0, missing: 0, stocked: 3 });
    expect(main.calls.find((call) => call.channel === 'fetchStock')?.payload).toEqual({ count: 5 });
    expect(await stockCount(db)).toBe(3);

    time += 30_000;
    await runSync({ db, api: main.api, now }, { config });
    expect(channels().filter((c) => c === 'fetchStock')).toHaveLength(1);
    time += 30_000;
    await runSync({ db, api: main.api, now }, { config });
    expect(channels().filter((c) => c === 'fetchStock')).toHaveLength(2);
    expect(await stockCount(db)).toBe(3);
  });

  it('takes a card out of the stock once another counter gave it an identifier, and refills in its place', async () => {
    const loose = [1, 2, 3].map((n) => serverToken({ id: `S${n}`.padEnd(32, '0'), number: `70${n}`, authenticationCode: `STOCK${n}ABCDEFGH`, participant: null, identifier: null }));
    main.notAssociated.push(...loose.slice(0, 2));
    for (const token of loose) main.crm.set(token.authenticationCode, token);
    const config = { stockLevel: 2, stockRetryMs: 0 };
    await runSync({ db, api: main.api, now }, { config });
    expect(await stockCount(db)).toBe(2);

    // At another counter, the first card is handed out with an identifier; the CRM now offers the third.
    main.crm.set(loose[0]!.authenticationCode, { ...loose[0]!, identifier: 'ELSEWHERE1', updatedDate: '2025-01-01T00:00:00' });
    main.notAssociated.splice(0, 1, loose[2]!);
    time += 1_000;
    await runSync({ db, api: main.api, now }, { config });
    const onHand = (await db.tokens.where('stock').equals(1).toArray()).map((token) => token.authenticationCode).sort();
    expect(onHand).toEqual([loose[1]!.authenticationCode, loose[2]!.authenticationCode]);
  });

  it('does no freshness work when the CRM was not reached', async () => {
    await issue(db);
    const offline = fakeMain();
    const down = (operations: { seq: number }[]): PushReply => ({
      crm: 'unreachable',
      message: 'Cannot reach the CRM',
      results: operations.map((op) => ({ seq: op.seq, outcome: 'retry', error: { code: 'NETWORK', message: 'down' } })),
    });
    const api = { ...offline.api, pushOperations: async ({ operations }: { operations: { seq: number }[] }) => down(operations) };
    const report = await runSync({ db, api, now }, {});
    expect(report).toMatchObject({ crm: 'unreachable', reachedAt: null, freshness: null, lastError: { code: 'NETWORK', message: 'down' } });
    expect(offline.calls).toEqual([]);
  });

  it('a failing freshness step never fails the sync', async () => {
    await issue(db);
    const api = { ...main.api, fetchStock: () => Promise.reject(new Error('no such channel')) };
    const report = await runSync({ db, api, now }, {});
    expect(report).toMatchObject({ crm: 'ok', failure: null, freshness: 'no such channel', totals: { done: 1 } });
  });

  it('reports "n of m" while main works through a batch', async () => {
    for (let i = 0; i < 5; i += 1) await issue(db);
    let release: () => void = () => undefined;
    const inFlight = new Promise<void>((resolve) => {
      release = resolve;
    });
    const api = {
      ...main.api,
      pushOperations: async (request: Parameters<typeof main.api.pushOperations>[0]) => {
        main.emit('syncProgress', { running: true, done: 3, total: 4, lastError: null });
        await inFlight;
        main.emit('syncProgress', { running: false, done: 4, total: 4, lastError: null });
        return main.api.pushOperations(request);
      },
    };
    const seen: SyncProgressView[] = [];
    const sync = runSync({ db, api, now }, { batchSize: 4, config: noStock, onProgress: (p) => seen.push(p) });
    await expect.poll(() => seen.length, { timeout: 2_000 }).toBeGreaterThan(0);
    expect(seen[0]).toEqual({ done: 3, total: 5 });
    release();
    await sync;
    expect(seen.at(-1)).toEqual({ done: 5, total: 5 });
    expect(seen.map((p) => p.done)).toContain(4);
  });
});

describe('crash between the CRM answer and the local apply', () => {
  it('re-sends the operation as attempt 2 and applies the (adopted) reply exactly once', async () => {
    const token = await issue(db);
    await setLifeCycleState(db, token.localId, 'NOT_EFFECTIVE', 100_500);

    // The engine takes and pushes; main and the CRM do the work; the reply is thrown away.
    const operations = await takeBatch(db, 50, now());
    const lost = await main.api.pushOperations({ operations });
    expect(lost.results.map((r) => r.outcome)).toEqual(['done', 'done']);
    expect(main.creates()).toBe(1);

    // A fresh engine (its memory gone) on a new connection after the page reloaded.
    const reloaded = new TokenDeskDatabase(db.name);
    try {
      time += 1_000;
      const store = createSyncStore(reloaded, main.api, now, {
        config: noStock,
        liveOwners: async () => (owner) => owner !== db.connectionId,
      });
      await store.getState().syncNow();

      const resent = main.pushed().slice(2);
      expect(resent.map((op) => [op.kind, op.attempt])).toEqual([
        ['create', 2],
        ['setState', 2],
      ]);
      expect(main.creates()).toBe(1);
      expect(store.getState()).toMatchObject({ crm: 'ok', pendingCount: 0, lastMessage: '2 synced' });
      expect(await reloaded.tokens.get(token.localId)).toMatchObject({ syncStatus: 'synced', number: '5001', lifeCycleState: 'NOT_EFFECTIVE' });
      const audit = (await reloaded.audit.where('tokenLocalId').equals(token.localId).toArray()).map((a) => [a.action, a.outcome]);
      expect(audit).toEqual([
        ['issue', 'queued'],
        ['setState', 'queued'],
        ['create', 'adopted'],
        ['setState', 'synced'],
      ]);

      // Applied once: the lost reply, if it turned up now, changes nothing.
      expect(await applyResults(reloaded, lost.results, time)).toMatchObject({ done: 0, ignored: 2 });
    } finally {
      reloaded.close();
    }
  });

  it('in the same window (memory lost, connection kept) the op goes again at once', async () => {
    await issue(db);
    await main.api.pushOperations({ operations: await takeBatch(db, 50, now()) });
    const store = createSyncStore(db, main.api, now, { config: noStock });
    await store.getState().sync();
    expect(main.pushed().map((op) => op.attempt)).toEqual([1, 2]);
    expect(main.creates()).toBe(1);
    expect(await countPending(db)).toBe(0);
  });

  it('two windows syncing at once never push the same operation twice', async () => {
    for (let i = 0; i < 30; i += 1) await issue(db);
    const other = new TokenDeskDatabase(db.name);
    try {
      const stores = [createSyncStore(db, main.api, now, { config: noStock }), createSyncStore(other, main.api, now, { config: noStock })];
      await Promise.all(stores.map((store) => store.getState().syncNow()));
      const seqs = main.pushed().map((op) => op.seq);
      expect(seqs).toHaveLength(30);
      expect(new Set(seqs).size).toBe(30);
      expect(main.creates()).toBe(30);
      expect(await countPending(db)).toBe(0);
    } finally {
      other.close();
    }
  });

  it('while the lease of a live other window runs, its rows are left to it', async () => {
    await issue(db);
    await takeBatch(db, 50, now());
    const other = new TokenDeskDatabase(db.name);
    try {
      const store = createSyncStore(other, main.api, now, { config: noStock });
      await store.getState().syncNow();
      expect(main.pushed()).toEqual([]);
      expect(store.getState().pendingCount).toBe(1);
    } finally {
      other.close();
    }
  });
});
