import type { TokenDeskDatabase } from './database';
import type { AuditRow, OutboxRow } from './rows';

/** The audit action of "Close shift": the boundary every summary counts from. */
export const CLOSE_SHIFT = 'closeShift';

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

/** Tallies per operator id, named as on the first row seen (the newest audit row: the audit is read newest first). */
class Tally {
  readonly counter: ShiftCounts = { ...NO_COUNTS };
  private readonly byId = new Map<string | null, OperatorShift>();

  add(operatorId: string | null, operator: string | null, field: keyof ShiftCounts): void {
    let entry = this.byId.get(operatorId);
    if (!entry) this.byId.set(operatorId, (entry = { operatorId, operator, counts: { ...NO_COUNTS } }));
    entry.operator ??= operator;
    entry.counts[field] += 1;
    this.counter[field] += 1;
  }

  operators(): OperatorShift[] {
    return [...this.byId.values()].sort((a, b) => (a.operator ?? '\uFFFF').localeCompare(b.operator ?? '\uFFFF'));
  }
}

/**
 * The shift so far, per operator and for the counter: what was issued, handed out, switched and
 * edited since the last close (the audit rows after the last shift-closed row, read newest first up
 * to it), and what the queue holds now that is still pending or needs attention, by who queued it
 * (whenever that was: the next shift takes it over). Run inside a transaction for one consistent view.
 */
export async function shiftSummary(db: TokenDeskDatabase): Promise<ShiftSummary> {
  const tally = new Tally();
  let since: number | null = null;
  await db.audit
    .orderBy(':id')
    .reverse()
    .until((row) => row.action === CLOSE_SHIFT, true)
    .each((row) => {
      if (row.action === CLOSE_SHIFT) since = row.at;
      const activity = activityOf(row);
      if (activity) tally.add(row.operatorId ?? null, row.operator ?? null, activity);
    });
  await db.outbox.each((row) => tally.add(row.queuedBy?.id ?? null, row.queuedBy?.name ?? null, queueState(row)));
  return { since, operators: tally.operators(), counter: tally.counter };
}
