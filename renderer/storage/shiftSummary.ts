import Dexie from 'dexie';
import type { TokenDeskDatabase } from './database';
import type { AuditRow, OutboxRow } from './rows';

/** The audit action of "Close shift": the boundary every summary counts from. */
export const CLOSE_SHIFT = 'closeShift';
/** A close concerns no token: its rows are the ones with this token id, so the last is found through that index. */
export const CLOSE_SHIFT_TOKEN = '';

/** What one operator (or the whole counter) did in a shift, and what of theirs is still in the queue. */
export interface ShiftCounts {
  issued: number;
  handedOut: number;
  switched: number;
  edited: number;
  stillPending: number;
  needingAttention: number;
}

export interface OperatorShift {
  /** null: rows written before operators signed in (older rows). */
  operatorId: string | null;
  operator: string | null;
  counts: ShiftCounts;
}

export interface ShiftSummary {
  /** When the last shift was closed (epoch ms), or null: this counter has never closed one. */
  since: number | null;
  /** When this summary was taken (epoch ms): the screen, the printout and the CSV show the same one. */
  until: number;
  operators: OperatorShift[];
  counter: ShiftCounts;
}

export const NO_COUNTS: ShiftCounts = { issued: 0, handedOut: 0, switched: 0, edited: 0, stillPending: 0, needingAttention: 0 };

type Activity = 'issued' | 'handedOut' | 'switched' | 'edited';

/** The operator's own steps: the rows their commands wrote (a sync's outcome rows have other outcomes or actions). */
const ACTIVITY: Record<string, Activity> = { issue: 'issued', handOut: 'handedOut', setState: 'switched', edit: 'edited' };

function activityOf(row: AuditRow): Activity | null {
  if (row.outcome !== 'queued' && row.outcome !== 'local') return null;
  return ACTIVITY[row.action] ?? null;
}

function queueState(row: OutboxRow): 'stillPending' | 'needingAttention' {
  return row.status === 'pending' ? 'stillPending' : 'needingAttention';
}

/** Tallies per operator id, each named as on its newest row. */
class Tally {
  readonly counter: ShiftCounts;
  private readonly byId: Map<string | null, OperatorShift>;

  constructor(from?: Tally) {
    this.counter = { ...(from?.counter ?? NO_COUNTS) };
    this.byId = new Map([...(from?.byId.values() ?? [])].map((entry) => [entry.operatorId, { ...entry, counts: { ...entry.counts } }]));
  }

  /** `newer`: the row is newer than those counted so far, so its name wins. */
  add(operatorId: string | null, operator: string | null, field: keyof ShiftCounts, newer: boolean): void {
    let entry = this.byId.get(operatorId);
    if (!entry) this.byId.set(operatorId, (entry = { operatorId, operator, counts: { ...NO_COUNTS } }));
    if (newer ? operator !== null : entry.operator === null) entry.operator = operator;
    entry.counts[field] += 1;
    this.counter[field] += 1;
  }

  operators(): OperatorShift[] {
    return [...this.byId.values()].sort((a, b) => (a.operator ?? '\uFFFF').localeCompare(b.operator ?? '\uFFFF'));
  }
}

/** The audit's part of the shift, up to the last row read (`lastId`). */
class AuditPart {
  readonly tally: Tally;
  /** Hand-outs (token and time) since the close. */
  private readonly handOuts: Set<string>;

  constructor(
    public lastId: number,
    readonly since: number | null,
    from?: AuditPart,
  ) {
    this.tally = new Tally(from?.tally);
    this.handOuts = new Set(from?.handOuts);
  }

  /** This part, taken further by the rows after `lastId`, oldest first: a close starts the count again. */
  readOn(rows: AuditRow[]): AuditPart {
    let part = new AuditPart(this.lastId, this.since, this);
    for (const row of rows) {
      if (row.action === CLOSE_SHIFT) part = new AuditPart(row.id ?? part.lastId, row.at);
      else part.take(row);
      part.lastId = row.id ?? part.lastId;
    }
    return part;
  }

  private take(row: AuditRow): void {
    const activity = activityOf(row);
    if (!activity) return;
    const step = `${row.tokenLocalId}\u0000${row.at}`;
    if (activity === 'handedOut') this.handOuts.add(step);
    // A hand-out that gives the token an identifier writes an edit in the same transaction: one step, a hand-out.
    else if (activity === 'edited' && this.handOuts.has(step)) return;
    this.tally.add(row.operatorId ?? null, row.operator ?? null, activity, true);
  }
}

/**
 * What each database's summary has read of its audit so far. Audit rows are only ever added, so the
 * next summary reads only the rows added since (the screen's summary is taken again on every change,
 * syncs included), not the whole audit back to the last close.
 */
const readSoFar = new WeakMap<TokenDeskDatabase, AuditPart>();

/** The last close, found through the token index (a close's token id is empty), or the very start. */
async function fromLastClose(db: TokenDeskDatabase): Promise<AuditPart> {
  const close = await db.audit
    .where('tokenLocalId')
    .equals(CLOSE_SHIFT_TOKEN)
    .reverse()
    .filter((row) => row.action === CLOSE_SHIFT)
    .first();
  return close?.id === undefined ? new AuditPart(0, null) : new AuditPart(close.id, close.at);
}

async function auditPart(db: TokenDeskDatabase): Promise<AuditPart> {
  const start = readSoFar.get(db) ?? (await fromLastClose(db));
  const part = start.readOn(await db.audit.where(':id').above(start.lastId).toArray());
  // A write transaction's own rows may yet be undone: only what others committed is kept for the next read.
  if (Dexie.currentTransaction?.idbtrans.mode !== 'readwrite') readSoFar.set(db, part);
  return part;
}

/**
 * The shift so far, per operator and for the counter, in one read transaction: what was issued, handed
 * out, switched and edited since the last close (the operators' audit rows after the last shift-closed
 * row), and what the queue holds now that is still pending or needs attention, by who queued it
 * (whenever that was: the next shift takes it over). `now`: when it is taken.
 */
export function shiftSummary(db: TokenDeskDatabase, now: number): Promise<ShiftSummary> {
  return db.transaction('r', [db.audit, db.outbox], async () => {
    const audit = await auditPart(db);
    const tally = new Tally(audit.tally);
    // One getAll, not a cursor step per row: the queue is read whole each time the summary is taken.
    for (const row of await db.outbox.toArray()) tally.add(row.queuedBy?.id ?? null, row.queuedBy?.name ?? null, queueState(row), false);
    return { since: audit.since, until: now, operators: tally.operators(), counter: tally.counter };
  });
}
