import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Operation, PushReply } from '../../../shared/ipc/contract';
import type { TokenDeskDatabase } from '../../../renderer/db/database';
import { readLastSync } from '../../../renderer/db/meta';
import { countPending } from '../../../renderer/db/outbox';
import { createSyncStore, SYNC_BATCH_SIZE } from '../../../renderer/stores/syncStore';
import { closeTestDb, doneResult, fakeTokenDesk, issue, openTestDb } from '../support';

let db: TokenDeskDatabase;
beforeEach(() => {
  db = openTestDb();
});
afterEach(() => closeTestDb(db));

const clock = () => 50_000;
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
    expect(fake.calls.filter((call) => call.channel === 'pushOperations')).toHaveLength(1);
  });

  it('keeps pushing full batches while they are done and more remain', async () => {
    for (let i = 0; i < SYNC_BATCH_SIZE + 5; i += 1) await issue(db);
    const fake = fakeTokenDesk({ pushOperations: acceptAll });
    const store = createSyncStore(db, fake.api, clock);
    await store.getState().syncNow();
    const sizes = fake.calls.map((call) => (call.payload as { operations: unknown[] }).operations.length);
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
    expect(fake.calls).toHaveLength(1);
    expect(store.getState()).toMatchObject({ crm: 'ok', lastMessage: '1 need attention', pendingCount: 0 });
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
      lastMessage: 'Sync failed (changes stay queued): main process restarted',
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
    expect(fake.calls).toHaveLength(2);
    expect(await countPending(db)).toBe(0);
  });
});
