import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PushReply } from '../../../shared/ipc/contract';
import type { TokenDeskDatabase } from '../../../renderer/storage/database';
import { createSyncStore } from '../../../renderer/stores/syncStore';
import { createSyncScheduler, type SyncRequest } from '../../../renderer/sync/scheduler';
import { applyResults } from '../../../renderer/outbox';
import { takeBatch } from '../../../renderer/outbox';
import { closeTestDb, doneResult, fakeTokenDesk, issue, openTestDb, retryResult } from '../support';

function harness(options: { intervalMs?: number; debounceMs?: number } = {}) {
  const requests: SyncRequest[] = [];
  const online = new EventTarget();
  let notify: () => void = () => undefined;
  let mainSays: () => void = () => undefined;
  const unwatch = vi.fn();
  const unwatchMain = vi.fn();
  const scheduler = createSyncScheduler({
    sync: async (request) => {
      requests.push(request);
    },
    debounceMs: options.debounceMs ?? 1_000,
    intervalMs: () => options.intervalMs ?? 30_000,
    watchChanges: (onChange) => {
      notify = onChange;
      return unwatch;
    },
    watchMain: (onChange) => {
      mainSays = onChange;
      return unwatchMain;
    },
    onlineEvents: online,
  });
  return { scheduler, requests, online, change: () => notify(), unwatch, mainSays: () => mainSays(), unwatchMain };
}

describe('sync scheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('syncs once at start-up, forced', async () => {
    const { scheduler, requests } = harness();
    await scheduler.start();
    await scheduler.start();
    expect(requests).toEqual([{ force: true }]);
    scheduler.stop();
  });

  it('syncs once after a burst of local changes has been quiet for debounceMs, not forced', async () => {
    const { scheduler, requests, change } = harness({ debounceMs: 1_000 });
    await scheduler.start();
    requests.length = 0;
    change();
    await vi.advanceTimersByTimeAsync(600);
    change();
    await vi.advanceTimersByTimeAsync(600);
    change();
    await vi.advanceTimersByTimeAsync(999);
    expect(requests).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toEqual([{ force: false }]);
    scheduler.stop();
  });

  it('"Sync now" is forced and covers a debounced sync still waiting', async () => {
    const { scheduler, requests, change } = harness({ debounceMs: 1_000 });
    await scheduler.start();
    requests.length = 0;
    change();
    await scheduler.syncNow();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(requests).toEqual([{ force: true }]);
    scheduler.stop();
  });

  it('syncs, forced, when the browser comes back online', async () => {
    const { scheduler, requests, online } = harness();
    await scheduler.start();
    requests.length = 0;
    online.dispatchEvent(new Event('online'));
    expect(requests).toEqual([{ force: true }]);
    scheduler.stop();
    online.dispatchEvent(new Event('online'));
    expect(requests).toHaveLength(1);
  });

  it('syncs, forced, when main says the queue may move; stops listening when stopped', async () => {
    const { scheduler, requests, mainSays, unwatchMain } = harness();
    await scheduler.start();
    requests.length = 0;
    mainSays();
    expect(requests).toEqual([{ force: true }]);
    scheduler.stop();
    expect(unwatchMain).toHaveBeenCalledOnce();
  });

  it('syncs on the timer, not forced, at the configured period; the period can change', async () => {
    const { scheduler, requests } = harness({ intervalMs: 10_000 });
    await scheduler.start();
    requests.length = 0;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(requests).toEqual([{ force: false }, { force: false }, { force: false }]);
    scheduler.setIntervalMs(5_000);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(requests).toHaveLength(5);
  });

  it('stop ends every trigger', async () => {
    const { scheduler, requests, change, unwatch } = harness({ intervalMs: 10_000 });
    await scheduler.start();
    change();
    scheduler.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(requests).toHaveLength(1);
    expect(unwatch).toHaveBeenCalledOnce();
  });
});

describe('scheduler with the sync store', () => {
  let db: TokenDeskDatabase;
  beforeEach(() => {
    db = openTestDb();
  });
  afterEach(() => closeTestDb(db));

  it('a trigger while a sync runs joins it, and "Sync now" forces the rest of it', async () => {
    const token = await issue(db);
    // The create is backing off after a temporary failure: a timer's sync alone would leave it.
    const [op] = await takeBatch(db, 10, 900);
    await applyResults(db, [retryResult(op!)], 900, () => 0.5);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const fake = fakeTokenDesk({
      pushOperations: async ({ operations }): Promise<PushReply> => {
        await gate;
        return { crm: 'ok', message: null, results: operations.map((op) => doneResult(op)) };
      },
    });
    const store = createSyncStore(db, fake.api, () => 1_000, { config: { stockLevel: 0 } });
    release();
    await store.getState().sync({ force: false });
    expect(fake.calls.at(-1)?.payload).toEqual({ operations: [] });

    const scheduler = createSyncScheduler({ sync: (request) => store.getState().sync(request), debounceMs: 10, intervalMs: () => 60_000 });

    const timerSync = store.getState().sync({ force: false });
    const joined = [scheduler.syncNow(), store.getState().sync(), store.getState().syncNow()];
    expect(joined.slice(1).every((promise) => promise === timerSync)).toBe(true);
    expect(store.getState().syncing).toBe(true);
    await Promise.all([timerSync, ...joined]);
    const pushes = fake.calls.filter((call) => call.channel === 'pushOperations');
    expect(pushes).toHaveLength(2);
    expect(pushes[1]?.payload).toMatchObject({ operations: [{ seq: op!.seq, attempt: 2 }] });
    expect(await db.tokens.get(token.localId)).toMatchObject({ syncStatus: 'synced' });
    scheduler.stop();
  });
});
