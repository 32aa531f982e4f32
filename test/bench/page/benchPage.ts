import { MAX_REFRESH } from '../../../shared/ipc/contract';
import { DEFAULT_DATABASE_NAME, TokenDeskDatabase } from '../../../renderer/storage/database';
import { applyServerTokens, fromServer } from '../../../renderer/storage/serverCopies';
import { issueToken } from '../../../renderer/commands/tokenWrites';
import { newOutboxRow, queueStats } from '../../../renderer/outbox';
import { findTokens, SEARCH_LIMIT, searchRange } from '../../../renderer/storage/queries';
import { normalizeSearch } from '../../../renderer/storage/searchKeys';
import { codeOf, identifierOf, serverTokenOf } from '../benchRecords';
import { keyFor, spread, type LookupKind, type Spread } from '../benchSamples';
import { getBy, getRange, openRaw, prefixRange, putAll } from './rawIndexedDb';

export interface Rate {
  ms: number;
  perSecond: number;
}
const appDbs = new Map<number, TokenDeskDatabase>();
const rawDbs = new Map<number, IDBDatabase>();

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Every tenth of a long step, a line the bench's log shows (browserBench forwards "bench: " lines). */
function progress(step: string, done: number, n: number): void {
  const tenth = Math.max(1, Math.round(n / 10));
  if (done % tenth < MAX_REFRESH && done > 0 && n >= 50_000) console.info(`bench: ${step} ${done} of ${n}`);
}

/**
 * The app's ingest: through the path sync uses (applyServerTokens, one reply of MAX_REFRESH at a
 * time) into the app's own database, which the app part of the bench then starts on.
 */
async function ingestApp(n: number): Promise<Rate> {
  // IndexedDB runs an open after a delete of the same name; the request is not a promise to await.
  indexedDB.deleteDatabase(DEFAULT_DATABASE_NAME);
  const db = await openApp(n);
  const ms = await timed(async () => {
    for (let start = 0; start < n; start += MAX_REFRESH) {
      const batch = Array.from({ length: Math.min(MAX_REFRESH, n - start) }, (_, k) => serverTokenOf(start + k));
      await applyServerTokens(db, batch, Date.now());
      progress('app ingest', start + batch.length, n);
    }
  });
  return rate(n, ms);
}

const rate = (n: number, ms: number): Rate => ({ ms, perSecond: (n / ms) * 1000 });

async function openApp(n: number): Promise<TokenDeskDatabase> {
  const db = new TokenDeskDatabase();
  await db.open();
  appDbs.set(n, db);
  return db;
}

/**
 * Raw puts of the same tokens as the app stores them (built a reply's worth at a time, untimed), in
 * the raw page's origin: a LevelDB of its own, empty at the start as the app's was.
 */
async function ingestRaw(n: number): Promise<Rate> {
  indexedDB.deleteDatabase(`bench-raw-${n}`);
  const raw = await openRaw(`bench-raw-${n}`);
  rawDbs.set(n, raw);
  let ms = 0;
  for (let start = 0; start < n; start += MAX_REFRESH) {
    const now = Date.now();
    const rows = Array.from({ length: Math.min(MAX_REFRESH, n - start) }, (_, k) => fromServer(serverTokenOf(start + k), now, false));
    ms += await timed(() => putAll(raw, rows));
    progress('raw ingest', start + rows.length, n);
  }
  return rate(n, ms);
}

/** Raw IndexedDB's database of `n` tokens, as its ingest left it (in this browser or an earlier one). */
async function openRawDb(n: number): Promise<void> {
  if (!rawDbs.has(n)) rawDbs.set(n, await openRaw(`bench-raw-${n}`));
}

const RAW_INDEX: Record<LookupKind, string> = { code: 'authenticationCode', identifier: 'identifier', number: 'number', prefix: 'identifier' };
const DEXIE_INDEX = { code: 'authenticationCode', identifier: 'identifier', number: 'number' } as const;

/** The app's database of `n` tokens, as the ingest or the app part left it. */
async function appDb(n: number): Promise<TokenDeskDatabase> {
  return appDbs.get(n) ?? (await openApp(n));
}

async function openAppDb(n: number): Promise<void> {
  await appDb(n);
}

/**
 * The app's lookup (findTokens, what the Find screen runs) and, to tell the costs apart, one read of
 * the same index through Dexie, for each record of `records`, by turns.
 */
async function appLookups(n: number, kind: LookupKind, records: number[]): Promise<{ app: number[]; dexieOneRead: number[]; found: number }> {
  const db = await appDb(n);
  const times = { app: [] as number[], dexieOneRead: [] as number[], found: 0 };
  for (const i of records) {
    const key = keyFor(kind, i);
    times.app.push(await timed(async () => (times.found += (await findTokens(db, key)).length > 0 ? 1 : 0)));
    times.dexieOneRead.push(
      await timed(() => (kind === 'prefix' ? db.tokens.where('identifier').startsWith(key).limit(50).toArray() : db.tokens.where(DEXIE_INDEX[kind]).equals(key).first())),
    );
  }
  return times;
}

/**
 * A raw index read of the same keys (a `getAll` over the prefix range, for prefixes) and, to tell
 * the index's part from the app's, raw IndexedDB's read of the range the app reads in its own index.
 */
async function rawLookups(n: number, kind: LookupKind, records: number[]): Promise<{ raw: number[]; appIndex: number[]; foundInAppIndex: number }> {
  const raw = rawDbs.get(n);
  if (!raw) throw new Error(`ingestRaw(${n}) first`);
  const times = { raw: [] as number[], appIndex: [] as number[], foundInAppIndex: 0 };
  for (const i of records) {
    const key = keyFor(kind, i);
    times.raw.push(await timed(() => (kind === 'prefix' ? prefixRange(raw, RAW_INDEX[kind], key, 50) : getBy(raw, RAW_INDEX[kind], key))));
    const range = searchRange(normalizeSearch(key));
    times.appIndex.push(await timed(async () => (times.foundInAppIndex += (await getRange(raw, 'searchKeys', range, SEARCH_LIMIT)).length > 0 ? 1 : 0)));
  }
  return times;
}

/** The status bar's numbers with `pending` changes queued (the app part's issues among them) on top of n cached tokens. */
async function statusCounts(n: number, pending: number, samples: number): Promise<Spread & { pending: number }> {
  const db = await appDb(n);
  const missing = pending - (await queueStats(db)).pending;
  const tokens = await db.tokens.where('syncStatus').equals('synced').limit(Math.max(0, missing)).primaryKeys();
  await db.outbox.bulkAdd(
    tokens.map((localId, k) =>
      newOutboxRow(localId, { kind: 'setState', authenticationCode: codeOf(k), base: { updatedDate: null, lifeCycleState: 'EFFECTIVE', identifier: null }, target: 'NOT_EFFECTIVE' }, Date.now()),
    ),
  );
  const times: number[] = [];
  let seen = 0;
  for (let i = 0; i < samples; i += 1) times.push(await timed(async () => (seen = (await queueStats(db)).pending)));
  return { ...spread(times), pending: seen };
}

export type Durability = 'strict' | 'relaxed';
export type DurabilityFigures = Record<Durability, Spread>;

const DURABILITY_WARM_UP = 20;

/**
 * The transaction that issuing a token runs (issueToken: token, outbox row and audit in one
 * transaction), with strict and with relaxed durability, alternating, on two databases of their own.
 */
async function durability(samples: number): Promise<DurabilityFigures> {
  const open = async (mode: Durability) => {
    indexedDB.deleteDatabase(`bench-durability-${mode}`);
    const db = new TokenDeskDatabase(`bench-durability-${mode}`, { chromeTransactionDurability: mode });
    await db.open();
    return db;
  };
  const dbs = { strict: await open('strict'), relaxed: await open('relaxed') };
  const times: Record<Durability, number[]> = { strict: [], relaxed: [] };
  const issueOne = (db: TokenDeskDatabase, i: number) =>
    issueToken(db, { identifier: identifierOf(i), sealedPassCode: null, participantNumber: null, authenticationCode: codeOf(i) }, Date.now());
  try {
    for (let i = 0; i < samples + DURABILITY_WARM_UP; i += 1) {
      for (const mode of ['strict', 'relaxed'] as const) {
        const ms = await timed(() => issueOne(dbs[mode], i));
        if (i >= DURABILITY_WARM_UP) times[mode].push(ms);
      }
    }
  } finally {
    dbs.strict.close();
    dbs.relaxed.close();
  }
  return { strict: spread(times.strict), relaxed: spread(times.relaxed) };
}

/** Closes the run's databases, so the profile can be removed (or the app part open it). */
function close(): void {
  for (const db of appDbs.values()) db.close();
  for (const db of rawDbs.values()) db.close();
  appDbs.clear();
  rawDbs.clear();
}

/** True when performance.now() has microsecond steps (without isolation Chromium clamps it to 0.1 ms). */
const isolated = () => globalThis.crossOriginIsolated;

const bench = { crossOriginIsolated: isolated, ingestApp, ingestRaw, openAppDb, openRawDb, appLookups, rawLookups, statusCounts, durability, close };
export type BenchPage = typeof bench;

declare global {
  interface Window {
    tokenDeskBench?: BenchPage;
  }
}

window.tokenDeskBench = bench;
