import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Operation, OperationResult, PushReply } from '../../../shared/ipc/contract';
import type { TokenDeskDatabase } from '../../../renderer/storage/database';
import { readLastSync } from '../../../renderer/storage/meta';
import { countPending } from '../../../renderer/outbox';
import { createSyncStore, SYNC_BATCH_SIZE } from '../../../renderer/stores/syncStore';
import { closeTestDb, doneResult, fakeTokenDesk, issue, openTestDb, type FakeTokenDesk } from '../support';

let db: TokenDeskDatabase;
beforeEach(() => {
  db = openTestDb();
});
afterEach(() => closeTestDb(db));

const clock = () => 50_000;
const doneResultToken = (op: Operation) => {
  const result = doneResult(op);
  if (result.outcome !== 'done') throw new Error('unreachable');
  return result.token;
};
const pushes = (fake: FakeTokenDesk) => fake.calls.filter((call) => call.channel === 'pushOperations');
const acceptAll = ({ operations }: { operations: Operation[] }): PushReply => ({
  crm: 'ok',
  message: null,
  results: operations.map((op) => doneResult(op)),
});

describe('sync store', () => {
  it('starts unknown and restores the last sync time and queue depth', async () => {
    await issue(db);
    await db.meta.put({ key: 'lastSync', value: 40_000 });
    const store = createSyncStore(db, fakeTokenDesk({}).api, clock);
    expect(store.getState()).toMatchObject({ crm: 'unknown', pendingCount: 0, lastSyncAt: null, syncing: false });
    await store.getState().restore();
    expect(store.getState()).toMatchObject({ pendingCount: 1, lastSyncAt: 40_000 });
  });

  it('pushes the queue and applies the reply', async () => {
    const token = await issue(db);
    const fake = fakeTokenDesk({ pushOperations: acceptAll });
    const store = createSyncStore(db, fake.api, clock);
    await store.getState().syncNow();

    expect(store.getState()).toMatchObject({ crm: 'ok', pendingCount: 0, lastSyncAt: 50_000, lastMessage: '1 synced', syncing: false });
    expect(await readLastSync(db)).toBe(50_000);
    expect(await db.tokens.get(token.localId)).toMatchObject({ syncStatus: 'synced', number: '1001' });
  });

  it('runs one sync at a time: a second call joins the running one', async () => {
    await issue(db);
    const fake = fakeTokenDesk({ pushOperations: acceptAll });
    const store = createSyncStore(db, fake.api, clock);
    const first = store.getState().syncNow();
    const second = store.getState().syncNow();
    expect(second).toBe(first);
    expect(store.getState().syncing).toBe(true);
    await first;
    expect(pushes(fake)).toHaveLength(1);
  });

  it('keeps pushing full batches while they are done and more remain', async () => {
    for (let i = 0; i < SYNC_BATCH_SIZE + 5; i += 1) await issue(db);
    const fake = fakeTokenDesk({ pushOperations: acceptAll });
    const store = createSyncStore(db, fake.api, clock);
    await store.getState().syncNow();
    const sizes = pushes(fake).map((call) => (call.payload as { operations: unknown[] }).operations.length);
    expect(sizes).toEqual([SYNC_BATCH_SIZE, 5]);
    expect(await countPending(db)).toBe(0);
    expect(store.getState().lastMessage).toBe(`${SYNC_BATCH_SIZE + 5} synced`);
  });

  it('stops when the CRM cannot be reached, leaving the queue in place', async () => {
    for (let i = 0; i < SYNC_BATCH_SIZE + 5; i += 1) await issue(db);
    const fake = fakeTokenDesk({
      pushOperations: ({ operations }) => ({
        crm: 'unreachable',
        message: 'Cannot reach the CRM',
        results: operations.map((op) => ({ seq: op.seq, outcome: 'retry', error: { code: 'NETWORK', message: 'down' } })),
      }),
    });
    const store = createSyncStore(db, fake.api, clock);
    await store.getState().syncNow();
    expect(fake.calls).toHaveLength(1);
    expect(store.getState()).toMatchObject({ crm: 'unreachable', lastMessage: 'Cannot reach the CRM', lastSyncAt: null, pendingCount: SYNC_BATCH_SIZE + 5 });
  });

  it('stops when a batch made no progress', async () => {
    await issue(db);
    const fake = fakeTokenDesk({
      pushOperations: ({ operations }) => ({
        crm: 'ok',
        message: null,
        results: operations.map((op) => ({ seq: op.seq, outcome: 'parked', error: { code: 'DUP', message: 'Identifier exists' } })),
      }),
    });
    const store = createSyncStore(db, fake.api, clock);
    await store.getState().syncNow();
    expect(pushes(fake)).toHaveLength(1);
    expect(store.getState()).toMatchObject({ crm: 'ok', lastMessage: '1 need attention', pendingCount: 0, parkedCount: 1 });
  });

  it('asks the CRM even with an empty queue, to learn whether it is reachable', async () => {
    const fake = fakeTokenDesk({ pushOperations: () => ({ crm: 'unconfigured', message: null, results: [] }) });
    const store = createSyncStore(db, fake.api, clock);
    await store.getState().syncNow();
    expect(fake.calls).toEqual([{ channel: 'pushOperations', payload: { operations: [] } }]);
    expect(store.getState()).toMatchObject({ crm: 'unconfigured', lastMessage: null });
  });

  it('shows an IPC failure and keeps the queue', async () => {
    await issue(db);
    const fake = fakeTokenDesk({
      pushOperations: () => {
        throw new Error('main process restarted');
      },
    });
    const store = createSyncStore(db, fake.api, clock);
    await store.getState().syncNow();
    expect(store.getState()).toMatchObject({
      crm: 'unknown',
      syncing: false,
      pendingCount: 1,
      lastMessage: 'Sync failed (changes stay queued): Token Desk could not do this: main process restarted',
    });
    // The send may have reached the CRM, so the next one is marked as a retry.
    expect((await db.outbox.get(1))?.attempts).toBe(1);
  });

  it('can sync again after a sync finished', async () => {
    await issue(db);
    const fake = fakeTokenDesk({ pushOperations: acceptAll });
    const store = createSyncStore(db, fake.api, clock);
    await store.getState().syncNow();
    await issue(db);
    await store.getState().syncNow();
    expect(pushes(fake)).toHaveLength(2);
    expect(await countPending(db)).toBe(0);
  });
});

describe('sync store visibility', () => {
  it('shows queue depth, oldest pending age, parked and conflict counts and the last error', async () => {
    await issue(db, {}, 10_000);
    await issue(db, {}, 20_000);
    await issue(db, {}, 30_000);
    const fake = fakeTokenDesk({
      pushOperations: ({ operations }) => ({
        crm: 'ok',
        message: null,
        results: operations.map((op, i): OperationResult => {
          if (i === 0) return { seq: op.seq, outcome: 'parked', error: { code: 'COM.CRM.X', message: 'Refused by the CRM' } };
          if (i === 1) {
            const conflicts = [{ field: 'identifier' as const, crm: 'CRM00001', mine: 'MINE0001' }];
            return { seq: op.seq, outcome: 'conflict', token: doneResultToken(op), conflicts };
          }
          return { seq: op.seq, outcome: 'retry', error: { code: 'TIMEOUT', message: 'The CRM timed out' } };
        }),
      }),
    });
    const store = createSyncStore(db, fake.api, clock, { config: { stockLevel: 0 } });
    await store.getState().restore();
    expect(store.getState()).toMatchObject({ pendingCount: 3, oldestPendingAt: 10_000, parkedCount: 0, conflictCount: 0 });

    await store.getState().syncNow();
    expect(store.getState()).toMatchObject({
      pendingCount: 1,
      oldestPendingAt: 30_000,
      parkedCount: 1,
      conflictCount: 1,
      lastError: { code: 'TIMEOUT', message: 'The CRM timed out' },
      lastMessage: '1 need attention, 1 in conflict, 1 will be retried',
      progress: null,
      syncing: false,
    });
  });

  it('clears the last error once a sync reaches the CRM without one, and keeps it while the CRM is not reached', async () => {
    await issue(db);
    let reply: (ops: Operation[]) => PushReply = (operations) => ({
      crm: 'unreachable',
      message: 'Cannot reach the CRM',
      results: operations.map((op) => ({ seq: op.seq, outcome: 'blocked' })),
    });
    const fake = fakeTokenDesk({ pushOperations: ({ operations }) => reply(operations) });
    const store = createSyncStore(db, fake.api, clock, { config: { stockLevel: 0 } });
    await store.getState().syncNow();
    expect(store.getState().lastError).toEqual({ code: 'unreachable', message: 'Cannot reach the CRM', words: { code: 'crmUnreached', detail: 'Cannot reach the CRM' } });
    reply = (operations) => acceptAll({ operations });
    await store.getState().syncNow();
    expect(store.getState()).toMatchObject({ crm: 'ok', lastError: null, pendingCount: 0 });
  });

  it('follows the queue live between syncs', async () => {
    const store = createSyncStore(db, fakeTokenDesk({}).api, clock);
    const stop = store.getState().watchQueue();
    try {
      await issue(db, {}, 12_000);
      await vi.waitFor(() => expect(store.getState()).toMatchObject({ pendingCount: 1, oldestPendingAt: 12_000 }));
      await db.outbox.update(1, { status: 'parked' });
      await vi.waitFor(() => expect(store.getState()).toMatchObject({ pendingCount: 0, parkedCount: 1, oldestPendingAt: null }));
    } finally {
      stop();
    }
  });
});

describe('sync store triggers during a sync', () => {
  it('a change made while the sync is past its push goes in one more pass of the same sync', async () => {
    await issue(db);
    let store: ReturnType<typeof createSyncStore> | null = null;
    let joined: Promise<void> | null = null;
    const fake = fakeTokenDesk({
      pushOperations: acceptAll,
      fetchStock: async () => {
        // The operator issues a token while this sync tops up the stock; the change's trigger joins.
        if (joined === null) {
          await issue(db);
          joined = store!.getState().sync();
        }
        return { crm: 'ok', message: null, tokens: [] };
      },
    });
    store = createSyncStore(db, fake.api, clock, { config: { stockLevel: 5, stockRetryMs: 0 } });
    const first = store.getState().syncNow();
    await first;
    expect(joined).toBe(first);
    expect(pushes(fake).map((call) => (call.payload as { operations: unknown[] }).operations.length)).toEqual([1, 1]);
    expect(store.getState()).toMatchObject({ pendingCount: 0, syncing: false });
  });
});
