import { TOKENS_SCHEMA } from '../../../renderer/storage/migrations';

/** The same tokens store as the app's (key, unique code, multi-entry search keys, every index), in plain IndexedDB. */
export function openRaw(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      const [key, ...indexes] = TOKENS_SCHEMA.split(',').map((part) => part.trim());
      const store = request.result.createObjectStore('tokens', { keyPath: key });
      for (const index of indexes) {
        const unique = index.startsWith('&');
        const multiEntry = index.startsWith('*');
        const name = unique || multiEntry ? index.slice(1) : index;
        store.createIndex(name, name, { unique, multiEntry });
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export function putAll(db: IDBDatabase, rows: readonly object[]): Promise<void> {
  const tx = db.transaction('tokens', 'readwrite');
  const store = tx.objectStore('tokens');
  for (const row of rows) store.put(row);
  return done(tx);
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export function getBy(db: IDBDatabase, index: string, key: string): Promise<unknown> {
  return request(db.transaction('tokens', 'readonly').objectStore('tokens').index(index).get(key));
}

/** Up to `limit` rows whose `index` starts with `prefix`. */
export function prefixRange(db: IDBDatabase, index: string, prefix: string, limit: number): Promise<unknown[]> {
  return getRange(db, index, IDBKeyRange.bound(prefix, `${prefix}\uffff`), limit);
}

/** Up to `limit` rows of `range` of `index`. */
export function getRange(db: IDBDatabase, index: string, range: IDBKeyRange, limit: number): Promise<unknown[]> {
  return request(db.transaction('tokens', 'readonly').objectStore('tokens').index(index).getAll(range, limit));
}
