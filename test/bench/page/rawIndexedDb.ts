import { TOKENS_SCHEMA } from '../../../renderer/storage/migrations';

/** The part of the Storage Buckets API the bench uses (not in TypeScript's DOM types yet). */
interface StorageBuckets {
  open(name: string): Promise<{ indexedDB: IDBFactory }>;
}

/**
 * Raw databases live in a storage bucket of their own, so in a LevelDB of their own: beside the app's
 * database they would share its compactions.
 */
async function rawFactory(): Promise<IDBFactory> {
  const buckets = (navigator as Navigator & { storageBuckets?: StorageBuckets }).storageBuckets;
  if (!buckets) throw new Error('This Chromium has no Storage Buckets API, which the benchmark keeps raw IndexedDB in.');
  return (await buckets.open('bench-raw')).indexedDB;
}

export async function deleteRaw(name: string): Promise<void> {
  const factory = await rawFactory();
  await new Promise((resolve, reject) => {
    const request = factory.deleteDatabase(name);
    request.onsuccess = resolve;
    request.onerror = () => reject(request.error);
  });
}

/** The same tokens store as the app's (key, unique code, multi-entry search keys, every index), in plain IndexedDB. */
export async function openRaw(name: string): Promise<IDBDatabase> {
  const factory = await rawFactory();
  return new Promise((resolve, reject) => {
    const request = factory.open(name, 1);
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
  const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
  return request(db.transaction('tokens', 'readonly').objectStore('tokens').index(index).getAll(range, limit));
}
