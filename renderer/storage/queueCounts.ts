import { Dexie, type DBCore, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import type { OutboxRow } from './rows';

/** The queue's numbers, kept by every outbox write in the same transaction, so the status bar reads one row. */
export interface QueueCountsRow {
  key: typeof QUEUE_COUNTS_KEY;
  pending: number;
  parked: number;
  conflicts: number;
  /** The first change still waiting to be sent (lowest seq), or null. */
  oldestPending: { seq: number; createdAt: number } | null;
}

export const QUEUE_COUNTS_KEY = 'queue';
export const QUEUE_COUNTS_TABLE = 'queueCounts';
const OUTBOX = 'outbox';

export const EMPTY_COUNTS: QueueCountsRow = { key: QUEUE_COUNTS_KEY, pending: 0, parked: 0, conflicts: 0, oldestPending: null };

const copy = (counts: QueueCountsRow): QueueCountsRow => ({ ...counts, oldestPending: counts.oldestPending && { ...counts.oldestPending } });

type Counted = Pick<OutboxRow, 'status' | 'createdAt'> & { seq: number };
const FIELD = { pending: 'pending', parked: 'parked', conflict: 'conflicts' } as const;

/** Counts of the rows in `rows`, from nothing: what an upgrade or a range delete starts from. */
export function countRows(rows: readonly Counted[]): QueueCountsRow {
  const counts = copy(EMPTY_COUNTS);
  for (const row of rows) tally(counts, row, 1);
  counts.oldestPending = oldestOf(rows);
  return counts;
}

function tally(counts: QueueCountsRow, row: Counted, sign: 1 | -1): void {
  counts[FIELD[row.status]] += sign;
}

function oldestOf(rows: readonly Counted[]): QueueCountsRow['oldestPending'] {
  let oldest: Counted | null = null;
  for (const row of rows) if (row.status === 'pending' && (oldest === null || row.seq < oldest.seq)) oldest = row;
  return oldest === null ? null : { seq: oldest.seq, createdAt: oldest.createdAt };
}

/*
 * Below Dexie's own layers run in the caller's transaction zone, which only Dexie's promises carry:
 * so this file chains with `.then` on them (and Dexie.Promise), never `await`.
 */
const resolved = <T>(value: T): Promise<T> => Dexie.Promise.resolve(value);

/** The rows a mutation replaces or removes, read before it runs. */
function before(outbox: DBCoreTable, req: DBCoreMutateRequest): Promise<Array<Counted | undefined>> {
  if (req.type === 'add' || req.type === 'deleteRange') return resolved([]);
  const keys = req.keys ?? (req.type === 'put' ? req.values.map((value: Partial<Counted>) => value.seq) : []);
  const known = keys.filter((key) => key !== undefined);
  if (known.length === 0) return resolved(keys.map(() => undefined));
  return outbox.getMany({ trans: req.trans, keys: known }).then((rows: Array<Counted | undefined>) => {
    const byKey = new Map(known.map((key, i) => [key as number, rows[i]]));
    return keys.map((key) => (key === undefined ? undefined : byKey.get(key as number)));
  });
}

/** The rows a mutation wrote, with the keys the store gave them. */
function after(req: DBCoreMutateRequest, res: DBCoreMutateResponse): Array<Counted | undefined> {
  if (req.type !== 'add' && req.type !== 'put') return [];
  return req.values.map((value: Counted, i) => (res.failures[i] ? undefined : { ...value, seq: (res.results?.[i] as number | undefined) ?? value.seq }));
}

function firstPending(outbox: DBCoreTable, trans: DBCoreTransaction): Promise<QueueCountsRow['oldestPending']> {
  const index = outbox.schema.indexes.find((i) => i.name === 'status');
  if (!index) throw new Error('the outbox has no status index');
  return outbox.query({ trans, values: true, limit: 1, query: { index, range: { type: 1, lower: 'pending', upper: 'pending' } } }).then(({ result }) => {
    const [row] = result as Counted[];
    return row ? { seq: row.seq, createdAt: row.createdAt } : null;
  });
}

function recount(outbox: DBCoreTable, trans: DBCoreTransaction): Promise<QueueCountsRow> {
  const query = { index: outbox.schema.primaryKey, range: { type: 3, lower: undefined, upper: undefined } };
  return outbox.query({ trans, values: true, query }).then(({ result }) => countRows(result as Counted[]));
}

/** Applies one mutation's change to the counts; reads the next oldest only when the oldest left. */
function nextCounts(outbox: DBCoreTable, req: DBCoreMutateRequest, res: DBCoreMutateResponse, old: Array<Counted | undefined>, counts: QueueCountsRow): Promise<QueueCountsRow> {
  if (req.type === 'deleteRange') return recount(outbox, req.trans);
  const next = copy(counts);
  const failed = (i: number) => Boolean(res.failures[i]);
  const removed = old.filter((row, i): row is Counted => row !== undefined && !failed(i));
  for (const row of removed) tally(next, row, -1);
  const written = after(req, res).filter((row): row is Counted => row !== undefined);
  for (const row of written) tally(next, row, 1);
  const oldestLeft = removed.some((row) => row.seq === next.oldestPending?.seq) && !written.some((row) => row.seq === next.oldestPending?.seq && row.status === 'pending');
  if (oldestLeft) return firstPending(outbox, req.trans).then((oldestPending) => ({ ...next, oldestPending }));
  const newest = oldestOf(written);
  if (newest && (next.oldestPending === null || newest.seq < next.oldestPending.seq)) next.oldestPending = newest;
  return resolved(next);
}

const hasStore = (trans: DBCoreTransaction, name: string) => (trans as unknown as IDBTransaction).objectStoreNames.contains(name);

/**
 * Keeps the queue counts row in step with the outbox: every read-write transaction on the outbox
 * also takes the counts table, and each outbox write updates the row, in order, in that transaction.
 */
export const queueCountsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'queueCounts',
  // Below Dexie's hooks (2), which need the caller's zone, and above observability (0), so the count's write wakes live queries.
  level: 1.5,
  create(down) {
    const known = down.schema.tables.some((table) => table.name === QUEUE_COUNTS_TABLE);
    const chains = new WeakMap<DBCoreTransaction, Promise<QueueCountsRow>>();
    return {
      transaction(stores, mode, options) {
        const widen = known && mode === 'readwrite' && stores.includes(OUTBOX) && !stores.includes(QUEUE_COUNTS_TABLE);
        return down.transaction(widen ? [...stores, QUEUE_COUNTS_TABLE] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== OUTBOX || !known) return table;
        return {
          ...table,
          mutate(req) {
            if (!hasStore(req.trans, QUEUE_COUNTS_TABLE)) return table.mutate(req);
            const counts = down.table(QUEUE_COUNTS_TABLE);
            const previous = chains.get(req.trans) ?? counts.get({ trans: req.trans, key: QUEUE_COUNTS_KEY }).then((row?: QueueCountsRow) => row ?? EMPTY_COUNTS);
            // One write at a time per transaction, so each sees the rows as the one before left them.
            const step = previous.then((current) =>
              before(table, req).then((old) =>
                table.mutate(req).then((res) =>
                  nextCounts(table, req, res, old, current).then((next) => counts.mutate({ type: 'put', trans: req.trans, values: [next] }).then(() => ({ next, res }))),
                ),
              ),
            );
            chains.set(req.trans, step.then(({ next }) => next, () => previous));
            return step.then(({ res }) => res);
          },
        };
      },
    };
  },
};
