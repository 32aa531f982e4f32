import { afterEach, describe, expect, it } from 'vitest';
import { TokenDeskDatabase } from '../../../renderer/storage/database';
import { openLocalDatabase } from '../../../renderer/storage/openDatabase';
import { closeTestDb, issue, openTestDb } from '../support';

const opened: TokenDeskDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await closeTestDb(db);
});

/** A database of that name as something else left it: only a meta store, at a version this app never wrote. */
function foreignDatabase(name: string, version: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => request.result.createObjectStore('meta', { keyPath: 'key' });
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
}

describe('opening the local database', () => {
  it('answers null for a sound database, with its work readable', async () => {
    const db = openTestDb();
    opened.push(db);
    await issue(db);
    expect(await openLocalDatabase(db)).toBeNull();
    expect(await db.outbox.count()).toBe(1);
  });

  it('gives a database that lost stores its stores back (so the journal can refill it), rather than an error', async () => {
    const name = `foreign-${Math.random().toString(36).slice(2)}`;
    await foreignDatabase(name, 990);
    const db = new TokenDeskDatabase(name);
    opened.push(db);
    expect(await openLocalDatabase(db)).toBeNull();
    expect(await db.outbox.count()).toBe(0);
  });

  it.each([
    ['UnknownError', 'Internal error opening backing store for indexedDB.open.', 'unreadable'],
    ['VersionError', 'The requested version is less than the existing version.', 'newer'],
    ['QuotaExceededError', 'The disk is full.', 'full'],
  ])('names a database that cannot be opened (%s) as damage, with the browser\'s words kept for support', async (errorName, message, kind) => {
    const db = new TokenDeskDatabase(`broken-${errorName}`, { indexedDB: failingFactory(new DOMException(message, errorName)), IDBKeyRange });
    expect(await openLocalDatabase(db)).toEqual({ kind, detail: `${errorName}: ${message}` });
  });
});

/** An IndexedDB whose every open fails as Chromium's does on a damaged backing store. */
function failingFactory(error: DOMException): IDBFactory {
  const open = () => {
    const request = { error, result: undefined, onerror: null as ((event: unknown) => void) | null, onsuccess: null, onupgradeneeded: null, onblocked: null };
    setTimeout(() => request.onerror?.({ target: request, type: 'error', preventDefault: () => undefined, stopPropagation: () => undefined }));
    return request;
  };
  return { open, deleteDatabase: open, cmp: (a: number, b: number) => a - b, databases: async () => [] } as unknown as IDBFactory;
}
