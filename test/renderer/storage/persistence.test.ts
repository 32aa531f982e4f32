import { describe, expect, it, vi } from 'vitest';
import { rendererSyncStateSchema } from '../../../shared/ipc/contract';
import { askPersistentStorage, describeStorage, type StorageManagerLike } from '../../../renderer/storage/persistence';

function storage(persisted: boolean, grants: boolean): StorageManagerLike & { persist: ReturnType<typeof vi.fn> } {
  return {
    persisted: async () => persisted,
    persist: vi.fn(async () => grants),
    estimate: async () => ({ usage: 3 * 1024 * 1024, quota: 1024 * 1024 * 1024 }),
  };
}

describe('persistent storage at start', () => {
  it('asks for it when the storage is not yet persistent, and reports the grant with the use', async () => {
    const manager = storage(false, true);
    expect(await askPersistentStorage(manager)).toEqual({ persisted: true, usageBytes: 3 * 1024 * 1024, quotaBytes: 1024 * 1024 * 1024 });
    expect(manager.persist).toHaveBeenCalledTimes(1);
  });

  it('does not ask again when it already is', async () => {
    const manager = storage(true, false);
    expect((await askPersistentStorage(manager)).persisted).toBe(true);
    expect(manager.persist).not.toHaveBeenCalled();
  });

  it('reports a refusal, which Settings and diagnostics say in words', async () => {
    const state = await askPersistentStorage(storage(false, false));
    expect(state.persisted).toBe(false);
    expect(describeStorage(state)).toBe("Storage: not persistent: the browser refused, and may clear it when the disk is nearly full; unsynced work is also kept in Token Desk's journal; 3 MB used of 1024 MB allowed.");
    expect(rendererSyncStateSchema.shape.storage.parse(state)).toEqual(state);
  });

  it('answers unknown where the window cannot ask (no storage manager, or it fails)', async () => {
    expect(await askPersistentStorage(undefined)).toEqual({ persisted: null, usageBytes: null, quotaBytes: null });
    const failing: StorageManagerLike = { persisted: () => Promise.reject(new Error('no')), persist: async () => true, estimate: () => Promise.reject(new Error('no')) };
    expect(await askPersistentStorage(failing)).toEqual({ persisted: null, usageBytes: null, quotaBytes: null });
    expect(describeStorage({ persisted: true, usageBytes: null, quotaBytes: null })).toBe('Storage: persistent (the browser keeps it under disk pressure).');
  });
});
