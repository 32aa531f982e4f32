import type { JournalEntry, Operation } from '../../shared/ipc/contract';
import { INITIAL_LIFE_CYCLE_STATE } from '../../shared/token/lifeCycle';
import { describeOp } from '../changeText';
import { addAudit } from '../storage/audit';
import { changeOf } from '../storage/auditWhat';
import type { TokenDeskDatabase } from '../storage/database';
import type { QueuedOp, SentRow, TokenRow } from '../storage/rows';
import { newTokenRow, withKeys } from '../storage/tokenRows';
import { enqueueRow, newOutboxRow } from './enqueue';
import { journalEntryOf, readNotedSettles, writeEntries, writeSettles, type JournalApi } from './journal';
import { settleToken } from './tokenStatus';

export interface JournalReconciliation {
  /** The changes the database had lost, put back in the queue from the journal, as the clerk reads them. */
  restored: string[];
  /** Damage the journal reported (lines skipped), or null. */
  problem: string | null;
}

/** What an outbox row stores of a journalled operation (its queue number, token and attempt are the row's). */
function queuedOpOf(operation: Operation): QueuedOp {
  const op: Partial<Operation> = { ...operation };
  delete op.seq;
  delete op.tokenLocalId;
  delete op.attempt;
  return op as QueuedOp;
}

/** A token as the lost change left it: what it was based on, with the change applied. */
function rebuiltToken(operation: Operation, now: number): TokenRow {
  const base =
    operation.kind === 'create'
      ? { identifier: operation.identifier, lifeCycleState: INITIAL_LIFE_CYCLE_STATE, participantNumber: operation.participantNumber }
      : { identifier: operation.base.identifier, lifeCycleState: operation.base.lifeCycleState, participantNumber: null };
  const fields = { ...base, authenticationCode: operation.authenticationCode, syncStatus: 'pending' as const, stock: 0 as const };
  return { ...newTokenRow(fields, now, now), localId: operation.tokenLocalId };
}

async function codeFree(db: TokenDeskDatabase, code: string, localId: string): Promise<boolean> {
  const holder = await db.tokens.where('authenticationCode').equals(code).first();
  return holder === undefined || holder.localId === localId;
}

/** The token shows the change again, as it did when the clerk made it. */
async function withChange(db: TokenDeskDatabase, token: TokenRow, op: QueuedOp, now: number): Promise<TokenRow> {
  const next: TokenRow = { ...token, updatedAt: now };
  if (op.kind === 'setState') next.lifeCycleState = op.target;
  if (op.kind === 'verify') next.lifeCycleState = 'EFFECTIVE';
  if (op.kind === 'update' && op.identifier !== undefined) next.identifier = op.identifier;
  if (op.kind === 'update' && op.newAuthenticationCode !== undefined && (await codeFree(db, op.newAuthenticationCode, token.localId))) {
    next.authenticationCode = op.newAuthenticationCode;
  }
  return withKeys(next);
}

async function tokenFor(db: TokenDeskDatabase, operation: Operation, now: number): Promise<TokenRow> {
  return (
    (await db.tokens.get(operation.tokenLocalId)) ??
    (await db.tokens.where('authenticationCode').equals(operation.authenticationCode).first()) ??
    rebuiltToken(operation, now)
  );
}

/**
 * Puts one lost change back at the end of its token's queue, under its journal id. It counts as sent
 * once (it may have reached the CRM before the loss), so its next send is reconciled by code: a create
 * that did land is adopted, never made twice.
 */
async function restoreOne(db: TokenDeskDatabase, entry: JournalEntry, now: number): Promise<string> {
  const op = queuedOpOf(entry.operation);
  const token = await withChange(db, await tokenFor(db, entry.operation, now), op, now);
  await db.tokens.put(token);
  // Nobody is signed in yet: the change stays the operator's who queued it, when the journal says who.
  const queuedBy = entry.queuedBy ?? null;
  const row = { ...newOutboxRow(token.localId, op, entry.queuedAt, queuedBy), journalId: entry.id, attempts: Math.max(1, entry.operation.attempt) };
  await enqueueRow(db, row);
  await settleToken(db, token.localId, now);
  await addAudit(db, token.localId, { action: 'restore', what: { kind: 'restore', change: changeOf(op) }, outcome: 'requeued' }, now, { operator: queuedBy });
  // For the banner that names the restored changes: in the clerk's language, like the banner.
  return describeOp(op);
}

/** In one transaction: every journalled change that neither the queue holds nor is noted as finished goes back in the queue. */
function restoreLost(db: TokenDeskDatabase, entries: readonly JournalEntry[], now: number): Promise<string[]> {
  return db.transaction('rw', [db.outbox, db.tokens, db.audit, db.meta], async () => {
    const held = new Set<string>();
    await db.outbox.each((row) => (row.journalId === undefined ? undefined : held.add(row.journalId)));
    for (const settle of await readNotedSettles(db)) held.add(settle.id);
    const lost = entries.filter((entry) => !held.has(entry.id)).sort((a, b) => a.queuedAt - b.queuedAt || a.operation.seq - b.operation.seq);
    const restored: string[] = [];
    for (const entry of lost) restored.push(await restoreOne(db, entry, now));
    return restored;
  });
}

const sameEntry = (a: JournalEntry, b: JournalEntry) =>
  a.queuedAt === b.queuedAt && JSON.stringify({ ...a.operation, attempt: 0 }) === JSON.stringify({ ...b.operation, attempt: 0 });

/** Journals every queued change the journal lacks or holds in an older form (rows queued before the journal get their id here). */
async function rejournal(db: TokenDeskDatabase, api: JournalApi, journalled: readonly JournalEntry[]): Promise<void> {
  const rows = await db.transaction('rw', [db.outbox], async () => {
    await db.outbox.filter((row) => row.journalId === undefined).modify((row) => {
      row.journalId = crypto.randomUUID();
    });
    return (await db.outbox.toArray()) as SentRow[];
  });
  const known = new Map(journalled.map((entry) => [entry.id, entry]));
  const stale = rows.flatMap((row) => {
    const entry = journalEntryOf(row);
    const held = entry && known.get(entry.id);
    return entry && !(held && sameEntry(held, entry)) ? [entry] : [];
  });
  await writeEntries(api, stale);
}

async function readJournal(db: TokenDeskDatabase, api: JournalApi): Promise<{ entries: JournalEntry[]; problem: string | null }> {
  const noted = await readNotedSettles(db);
  if (noted.length > 0) await writeSettles(db, api, noted);
  return api.journalRead({});
}

/**
 * At start: the journal and the queue are compared. What finished is settled in the journal, what the
 * database lost (damaged, evicted, wiped) is put back in the queue once, and what the journal lacks
 * is written to it.
 */
export async function reconcileJournal(db: TokenDeskDatabase, api: JournalApi, now: number): Promise<JournalReconciliation> {
  const { entries, problem } = await readJournal(db, api);
  const restored = await restoreLost(db, entries, now);
  await rejournal(db, api, entries);
  return { restored, problem };
}

/** After a failed journal write: the journal gets what it missed (nothing is restored from it). */
export async function repairJournal(db: TokenDeskDatabase, api: JournalApi): Promise<void> {
  await rejournal(db, api, (await readJournal(db, api)).entries);
}
