import { Dexie, type Table, type Transaction } from 'dexie';
import { z } from 'zod';
import { journalOutcomeSchema, MAX_JOURNAL_BATCH, operationSchema, type JournalEntry, type JournalOutcome } from '../../shared/ipc/contract';
import type { TokenDeskApi } from '../../shared/ipc/tokenDeskApi';
import { errorMessage, isDiskFull } from '../errors';
import { t } from '../i18n';
import type { TokenDeskDatabase } from '../storage/database';
import type { SentRow } from '../storage/rows';

/**
 * The queue's second copy: every change the outbox queues, alters or lets go is written to main's
 * journal (fsync'd there) once its IndexedDB transaction commits. A command waits for that write
 * (`queueTransaction`) before the clerk sees success. What left the queue is also noted in meta, in
 * the same transaction, until the journal holds its outcome: a crash between the two never brings
 * a finished change back at the next start.
 */

export type JournalApi = Pick<TokenDeskApi, 'journalAppend' | 'journalSettle' | 'journalRead'>;

export const META_JOURNAL_SETTLES = 'journalSettles';
const settlesSchema = z.array(z.object({ id: z.string(), outcome: journalOutcomeSchema }));
export type NotedSettle = z.infer<typeof settlesSchema>[number];

interface Pending {
  add: Map<string, JournalEntry>;
  settle: NotedSettle[];
}

interface Link {
  api: JournalApi;
  /** The journal writes so far, in commit order. */
  written: Promise<void>;
  problem: string | null;
  listeners: Set<(problem: string | null) => void>;
  /** Runs when a write failed, before the next one: puts the journal back in step with the queue. */
  repair: (() => Promise<void>) | null;
}

const links = new WeakMap<TokenDeskDatabase, Link>();
const pendingByTx = new WeakMap<IDBTransaction, Pending>();

/** The journal entry of a queued row, or null for a row the contract would refuse (it is parked when taken). */
export function journalEntryOf(row: SentRow): JournalEntry | null {
  if (row.journalId === undefined) return null;
  const operation = operationSchema.safeParse({ ...row.op, seq: row.seq, tokenLocalId: row.tokenLocalId, attempt: Math.max(1, row.attempts) });
  return operation.success ? { id: row.journalId, queuedAt: row.createdAt, operation: operation.data, queuedBy: row.queuedBy ?? null } : null;
}

/** Writes this database's queue to `api`'s journal from now on; `repair` is run after a failed write. Returns the unlink. */
export function linkJournal(db: TokenDeskDatabase, api: JournalApi, repair: Link['repair'] = null): () => void {
  links.set(db, { api, written: Promise.resolve(), problem: null, listeners: new Set(), repair });
  return () => links.delete(db);
}

/** Follows whether the last journal write failed (a sentence) or worked (null); returns the stop. */
export function watchJournalProblem(db: TokenDeskDatabase, listener: (problem: string | null) => void): () => void {
  const link = links.get(db);
  if (!link) return () => undefined;
  link.listeners.add(listener);
  listener(link.problem);
  return () => link.listeners.delete(listener);
}

/**
 * The journal writes of the caller's transaction. Its write is chained at once (in the order
 * transactions first queue something) and runs once the transaction commits, so a command that
 * awaits the chain after its commit (queueTransaction) finds its own write in it.
 */
function pendingOf(db: TokenDeskDatabase): Pending | null {
  const link = links.get(db);
  const tx = Dexie.currentTransaction as Transaction | null;
  if (!link || !tx?.idbtrans) return null;
  const idbtrans = tx.idbtrans;
  const known = pendingByTx.get(idbtrans);
  if (known) return known;
  const pending: Pending = { add: new Map(), settle: [] };
  pendingByTx.set(idbtrans, pending);
  // Outside the transaction's zone: the write runs after it ended, with transactions of its own.
  Dexie.ignoreTransaction(() => {
    const committed = new Promise<boolean>((resolve) => {
      idbtrans.addEventListener('complete', () => resolve(true), { once: true });
      idbtrans.addEventListener('abort', () => resolve(false), { once: true });
    });
    link.written = link.written.then(async () => {
      if (await committed) await write(db, link, pending);
    });
  });
  return pending;
}

/** Journals these rows (new or changed) once the caller's transaction commits. */
export function journalRows(db: TokenDeskDatabase, rows: readonly SentRow[]): void {
  const pending = pendingOf(db);
  for (const row of rows) {
    const entry = journalEntryOf(row);
    if (pending && entry) pending.add.set(entry.id, entry);
  }
}

/** Notes, inside the caller's transaction, that these rows left the queue; their outcome goes to the journal after it commits. */
export async function journalSettled(db: TokenDeskDatabase, rows: readonly SentRow[], outcome: JournalOutcome): Promise<void> {
  const settles = rows.flatMap((row) => (row.journalId === undefined ? [] : [{ id: row.journalId, outcome }]));
  if (settles.length === 0) return;
  await db.meta.put({ key: META_JOURNAL_SETTLES, value: [...(await readNotedSettles(db)), ...settles] });
  pendingOf(db)?.settle.push(...settles);
}

export async function readNotedSettles(db: TokenDeskDatabase): Promise<NotedSettle[]> {
  const parsed = settlesSchema.safeParse((await db.meta.get(META_JOURNAL_SETTLES))?.value);
  return parsed.success ? parsed.data : [];
}

/** Tells main's journal how these changes ended, then forgets the notes of them. */
export async function writeSettles(db: TokenDeskDatabase, api: JournalApi, settles: readonly NotedSettle[]): Promise<void> {
  for (const outcome of journalOutcomeSchema.options) {
    const ids = settles.filter((settle) => settle.outcome === outcome).map((settle) => settle.id);
    for (let i = 0; i < ids.length; i += MAX_JOURNAL_BATCH) await api.journalSettle({ ids: ids.slice(i, i + MAX_JOURNAL_BATCH), outcome });
  }
  const done = new Set(settles.map((settle) => settle.id));
  await db.transaction('rw', db.meta, async () => {
    const left = (await readNotedSettles(db)).filter((settle) => !done.has(settle.id));
    await db.meta.put({ key: META_JOURNAL_SETTLES, value: left });
  });
}

export async function writeEntries(api: JournalApi, entries: readonly JournalEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += MAX_JOURNAL_BATCH) await api.journalAppend({ entries: entries.slice(i, i + MAX_JOURNAL_BATCH) });
}

function report(link: Link, problem: string | null): void {
  if (link.problem === problem) return;
  link.problem = problem;
  for (const listener of link.listeners) listener(problem);
}

async function write(db: TokenDeskDatabase, link: Link, pending: Pending): Promise<void> {
  if (pending.add.size === 0 && pending.settle.length === 0) return;
  try {
    if (link.problem !== null) await link.repair?.();
    await writeEntries(link.api, [...pending.add.values()]);
    if (pending.settle.length > 0) await writeSettles(db, link.api, pending.settle);
    report(link, null);
  } catch (error) {
    const cause = isDiskFull(error) ? t('shell.diskFullCause') : errorMessage(error);
    report(link, t('shell.journalUnwritten', { cause }));
  }
}

/**
 * Runs a change of the queue in one transaction and, at the top level, waits until the journal holds
 * what it queued: the clerk sees success only then. A journal that cannot be written does not undo
 * the change (it is committed and queued); it is reported by `watchJournalProblem`.
 */
export async function queueTransaction<T>(db: TokenDeskDatabase, tables: Table[], work: () => Promise<T>): Promise<T> {
  const nested = Dexie.currentTransaction !== null;
  const result = await db.transaction('rw', tables, work);
  if (!nested) await links.get(db)?.written;
  return result;
}
