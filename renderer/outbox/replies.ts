import { recordT } from '../i18n';
import type { FieldConflict, OperationResult, SyncError } from '../../shared/ipc/contract';
import type { ServerToken } from '../../shared/token/serverToken';
import { describeConflicts } from '../changeText';
import { addAudit, addAudits } from '../storage/audit';
import { changeOf } from '../storage/auditWhat';
import type { TokenDeskDatabase } from '../storage/database';
import type { SentRow } from '../storage/rows';
import { backoffDelay, type Jitter } from './backoff';
import { journalRows, journalSettled, queueTransaction } from './journal';
import { holdBehind, isWaiting, park, queuedBy } from './parking';
import { conflictValues, rowsOf, settleToken, settleTokens } from './tokenStatus';

/** The CRM made its own code for a created token: the token's later changes name it by the CRM's code. */
async function renameLater(db: TokenDeskDatabase, row: SentRow, code: string): Promise<void> {
  for (const later of await rowsOf(db, row.tokenLocalId)) {
    if (later.op.authenticationCode !== row.op.authenticationCode) continue;
    const renamed = { ...later, op: { ...later.op, authenticationCode: code } };
    await db.outbox.put(renamed);
    journalRows(db, [renamed]);
  }
}

interface Confirmation {
  row: SentRow;
  server: ServerToken;
  adopted: boolean;
}

/**
 * Server facts always; the fields the counter edits only when no later change of the token is queued.
 * One token each, so the lot is written as if one after the other. The caller notes the rows settled.
 */
async function confirm(db: TokenDeskDatabase, confirmations: readonly Confirmation[], now: number): Promise<void> {
  await db.outbox.bulkDelete(confirmations.map(({ row }) => row.seq));
  await addAudits(
    db,
    confirmations.map(({ row, adopted }) => {
      const what = { kind: adopted ? ('adopted' as const) : ('synced' as const), change: changeOf(row.op) };
      return { tokenLocalId: row.tokenLocalId, action: row.op.kind, what, outcome: what.kind, by: queuedBy(row) };
    }),
    now,
  );
  await settleTokens(db, confirmations.map(({ row, server }) => ({ localId: row.tokenLocalId, server })), now);
  for (const { row, server } of confirmations) {
    if (row.op.kind === 'create' && server.authenticationCode !== row.op.authenticationCode) await renameLater(db, row, server.authenticationCode);
  }
}

/** Temporary failure: the row stays pending and waits its backoff; its lease ends. */
async function retryLater(db: TokenDeskDatabase, row: SentRow, error: SyncError, now: number, jitter: Jitter): Promise<void> {
  const nextTryAt = now + backoffDelay(row.attempts, jitter);
  await db.outbox.update(row.seq, { lastError: error, nextTryAt, leaseUntil: 0, leaseOwner: null });
}

/**
 * The CRM changed the same field meanwhile: its value stays (on the token too), my intent stays in
 * the row, and the token's later rows wait until the operator chooses.
 */
async function holdConflict(
  db: TokenDeskDatabase,
  row: SentRow,
  server: ServerToken,
  conflicts: FieldConflict[],
  now: number,
): Promise<void> {
  const error: SyncError = { code: 'CONFLICT', message: describeConflicts(conflicts, recordT) };
  await db.outbox.update(row.seq, { status: 'conflict', conflicts, lastError: error, leaseUntil: 0, leaseOwner: null });
  await holdBehind(db, row.tokenLocalId, error);
  const onlyRow = (await rowsOf(db, row.tokenLocalId)).length === 1;
  // With no other change of the token queued, the token shows the CRM's copy as a whole.
  const crmValues = onlyRow ? { lifeCycleState: server.lifeCycleState, identifier: server.identifier } : conflictValues(conflicts, 'crm');
  await settleToken(db, row.tokenLocalId, now, server, crmValues);
  await addAudit(db, row.tokenLocalId, { action: row.op.kind, what: { kind: 'conflict', change: changeOf(row.op), conflicts }, outcome: 'conflict' }, now, queuedBy(row));
}

export interface ApplySummary {
  done: number;
  retry: number;
  parked: number;
  conflict: number;
  blocked: number;
  /** Results for rows that are gone or not in flight (a late or repeated reply). */
  ignored: number;
}

/**
 * Applies main's reply to a pushed batch, in one transaction, in queue order: a crash before it
 * commits leaves every row as it was, so the batch is simply sent again (main reconciles). The
 * rows are read in one go. A run of confirmed results is written together, before anything else is
 * applied and before another result of one of their tokens, whose row is then read again: the
 * outcome is as if applied one by one.
 */
export function applyResults(
  db: TokenDeskDatabase,
  results: readonly OperationResult[],
  now: number,
  jitter: Jitter = Math.random,
): Promise<ApplySummary> {
  return queueTransaction(db, [db.outbox, db.tokens, db.audit, db.meta], async () => {
    const summary: ApplySummary = { done: 0, retry: 0, parked: 0, conflict: 0, blocked: 0, ignored: 0 };
    const synced: SentRow[] = [];
    const sorted = [...results].sort((a, b) => a.seq - b.seq);
    const read = (await db.outbox.bulkGet(sorted.map((result) => result.seq))) as Array<SentRow | undefined>;
    const touched = new Set<string>();
    const confirmed: Confirmation[] = [];
    const writeConfirmed = async () => {
      if (confirmed.length > 0) await confirm(db, confirmed.splice(0), now);
    };
    for (const [i, result] of sorted.entries()) {
      let row = read[i];
      if (row && touched.has(row.tokenLocalId)) {
        await writeConfirmed();
        row = (await db.outbox.get(result.seq)) as SentRow | undefined;
      }
      const inFlight = row?.status === 'pending' || (result.outcome === 'blocked' && row !== undefined && isWaiting(row));
      if (!row || !inFlight || row.attempts === 0) {
        summary.ignored += 1;
        continue;
      }
      summary[result.outcome] += 1;
      touched.add(row.tokenLocalId);
      if (result.outcome === 'done') {
        confirmed.push({ row, server: result.token, adopted: result.adopted });
        synced.push(row);
        continue;
      }
      await writeConfirmed();
      switch (result.outcome) {
        case 'retry':
          await retryLater(db, row, result.error, now, jitter);
          break;
        case 'parked':
          await park(db, row, result.error, now);
          break;
        case 'conflict':
          await holdConflict(db, row, result.token, result.conflicts, now);
          break;
        case 'blocked':
          await db.outbox.update(row.seq, { attempts: row.attempts - 1, leaseUntil: 0, leaseOwner: null });
          break;
      }
    }
    await writeConfirmed();
    // One note for the batch: the notes are one meta row, rewritten whole.
    await journalSettled(db, synced, 'synced');
    return summary;
  });
}
