import { MAX_REFRESH } from '../../../shared/ipc/contract';
import { DEFAULT_DATABASE_NAME, TokenDeskDatabase } from '../../../renderer/storage/database';
import { applyServerTokens } from '../../../renderer/storage/serverCopies';
import { issueToken } from '../../../renderer/commands/tokenWrites';
import { newOutboxRow, queueStats } from '../../../renderer/outbox';
import { findTokens } from '../../../renderer/storage/queries';
import type { TokenRow } from '../../../renderer/storage/rows';
import { codeOf, identifierOf, numberOf, serverTokenOf } from '../benchRecords';
import { getBy, openRaw, prefixRange, putAll } from './rawIndexedDb';

export interface Rate {
  ms: number;
  perSecond: number;
}
export interface Spread {
  p50: number;
  p95: number;
  p99: number;
}
export type LookupKind = 'code' | 'identifier' | 'number' | 'prefix';

function spread(samples: number[]): Spread {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/** A seeded walk over the record indexes, the same in every run. */
function* keysOf(n: number, samples: number): Generator<number> {
  let state = 12345;
  for (let i = 0; i < samples; i += 1) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    yield state % n;
  }
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
  await Promise.resolve(indexedDB.deleteDatabase(DEFAULT_DATABASE_NAME));
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
 * Raw puts of the rows the app's ingest stored (read a reply's worth at a time, untimed, so 500,000
 * never sit in the page at once). Only the CRM's rows: the app part has issued a few of its own since.
 */
async function ingestRaw(n: number): Promise<Rate> {
  const db = await openApp(n);
  await Promise.resolve(indexedDB.deleteDatabase(`bench-raw-${n}`));
  const raw = await openRaw(`bench-raw-${n}`);
  rawDbs.set(n, raw);
  let ms = 0;
  let after: string | null = null;
  let done = 0;
  for (;;) {
    const from = after;
    const read: TokenRow[] = await (from === null ? db.tokens.orderBy(':id') : db.tokens.where(':id').above(from)).limit(MAX_REFRESH).toArray();
    if (read.length === 0) break;
    const rows = read.filter((row) => row.syncStatus === 'synced');
    ms += await timed(() => putAll(raw, rows));
    after = read[read.length - 1]!.localId;
    done += rows.length;
    progress('raw ingest', done, n);
  }
  if (done !== n) throw new Error(`the app's database holds ${done} tokens from the CRM, not ${n}`);
  return rate(n, ms);
}

function keyFor(kind: LookupKind, i: number): string {
  switch (kind) {
    case 'code':
      return codeOf(i);
    case 'identifier':
      return identifierOf(i);
    case 'number':
      return numberOf(i);
    case 'prefix':
      return identifierOf(i).slice(0, 8);
  }
}

const RAW_INDEX: Record<LookupKind, string> = { code: 'authenticationCode', identifier: 'identifier', number: 'number', prefix: 'identifier' };
const DEXIE_INDEX = { code: 'authenticationCode', identifier: 'identifier', number: 'number' } as const;

const WARM_UP = 200;

/**
 * The app's lookup (findTokens, what the Find screen runs) against a raw index read of the same key,
 * and, to tell the two costs apart, one read of the same index through Dexie. Untimed warm-up first,
 * the same for all three, so the database's settling after an ingest is not counted.
 */
async function lookups(n: number, kind: LookupKind, samples: number): Promise<{ app: Spread; raw: Spread; dexieOneRead: Spread; found: number }> {
  const db = appDbs.get(n);
  const raw = rawDbs.get(n);
  if (!db || !raw) throw new Error(`ingestRaw(${n}) first`);
  const one = (key: string) =>
    kind === 'prefix'
      ? db.tokens.where('identifier').startsWith(key).limit(50).toArray()
      : db.tokens.where(DEXIE_INDEX[kind]).equals(key).first();
  for (const i of keysOf(n, Math.min(WARM_UP, samples))) {
    const key = keyFor(kind, n - 1 - i);
    await findTokens(db, key);
    await one(key);
    await (kind === 'prefix' ? prefixRange(raw, RAW_INDEX[kind], key, 50) : getBy(raw, RAW_INDEX[kind], key));
  }
  const app: number[] = [];
  const direct: number[] = [];
  const dexie: number[] = [];
  let found = 0;
  for (const i of keysOf(n, samples)) {
    const key = keyFor(kind, i);
    app.push(await timed(async () => (found += (await findTokens(db, key)).length > 0 ? 1 : 0)));
    direct.push(await timed(() => (kind === 'prefix' ? prefixRange(raw, RAW_INDEX[kind], key, 50) : getBy(raw, RAW_INDEX[kind], key))));
    dexie.push(await timed(() => one(key)));
  }
  return { app: spread(app), raw: spread(direct), dexieOneRead: spread(dexie), found };
}

/** The status bar's numbers with `pending` changes queued (the app part's issues among them) on top of n cached tokens. */
async function statusCounts(n: number, pending: number, samples: number): Promise<Spread & { pending: number }> {
  const db = appDbs.get(n);
  if (!db) throw new Error(`ingestRaw(${n}) first`);
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

/**
 * The transaction that issuing a token runs (issueToken: token, outbox row and audit in one
 * transaction), with strict and with relaxed durability, alternating, on two databases of `n` tokens.
 */
async function durability(samples: number): Promise<DurabilityFigures> {
  const open = async (mode: Durability) => {
    await Promise.resolve(indexedDB.deleteDatabase(`bench-durability-${mode}`));
    const db = new TokenDeskDatabase(`bench-durability-${mode}`, { chromeTransactionDurability: mode });
    await db.open();
    return db;
  };
  const dbs = { strict: await open('strict'), relaxed: await open('relaxed') };
  const times: Record<Durability, number[]> = { strict: [], relaxed: [] };
  const issueOne = (db: TokenDeskDatabase, i: number) =>
    issueToken(db, { identifier: identifierOf(i), sealedPassCode: null, participantNumber: null, authenticationCode: codeOf(i) }, Date.now());
  try {
    for (let i = 0; i < samples + WARM_UP / 10; i += 1) {
      for (const mode of ['strict', 'relaxed'] as const) {
        const ms = await timed(() => issueOne(dbs[mode], i));
        if (i >= WARM_UP / 10) times[mode].push(ms);
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

const bench = { crossOriginIsolated: isolated, ingestApp, ingestRaw, lookups, statusCounts, durability, close };
export type BenchPage = typeof bench;

declare global {
  interface Window {
    tokenDeskBench?: BenchPage;
  }
}

window.tokenDeskBench = bench;
