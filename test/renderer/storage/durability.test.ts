import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TokenDeskDatabase } from '../../../renderer/storage/database';
import { applyResults } from '../../../renderer/outbox/replies';
import { setLifeCycleState } from '../../../renderer/commands/tokenWrites';
import { takeBatch } from '../../../renderer/outbox/lease';
import { closeTestDb, doneResult, issue, openTestDb } from '../support';

let db: TokenDeskDatabase | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  if (db) await closeTestDb(db);
});

describe('durable writes', () => {
  it('opens every transaction carrying operator work, and every apply of CRM replies, with strict durability', async () => {
    // Installed before the database opens: Dexie binds IDBDatabase.transaction when it connects.
    const opened = vi.spyOn(IDBDatabase.prototype, 'transaction');
    db = openTestDb();
    const token = await issue(db);
    await setLifeCycleState(db, token.localId, 'NOT_EFFECTIVE', 2_000);
    const batch = await takeBatch(db, 10, 3_000);
    await applyResults(db, batch.map((op) => doneResult(op)), 4_000);

    const writes = opened.mock.calls.filter(([, mode]) => mode === 'readwrite');
    expect(writes.length).toBeGreaterThanOrEqual(4);
    for (const [, , options] of writes) expect(options).toEqual({ durability: 'strict' });
  });
});
