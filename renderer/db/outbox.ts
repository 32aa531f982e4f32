import { operationSchema, type Operation, type OperationResult, type SyncError } from '../../shared/ipc/contract';
import type { ServerToken } from '../../shared/token/serverToken';
import type { TokenDeskDatabase } from './database';
import type { OutboxRow, QueuedOp, TokenRow } from './rows';

type SentRow = OutboxRow & { seq: number };

function describe(op: QueuedOp): string {
  switch (op.kind) {
    case 'create':
      return `create ${op.authenticationCode}`;
    case 'setState':
      return `set ${op.target === 'EFFECTIVE' ? 'effective' : 'not effective'}`;
    case 'update':
      return `update ${op.authenticationCode}`;
  }
}

/** Marks one row as needing the operator; its token too. Runs inside the caller's transaction. */
async function park(db: TokenDeskDatabase, row: SentRow, error: SyncError, now: number): Promise<void> {
  await db.outbox.update(row.seq, { status: 'parked', lastError: error });
  await db.tokens.update(row.tokenLocalId, { syncStatus: 'attention', lastError: error.message, updatedAt: now });
  await db.audit.add({
    at: now,
    tokenLocalId: row.tokenLocalId,
    action: row.op.kind,
    detail: `${describe(row.op)}: ${error.message}`,
    outcome: 'parked',
  });
}

/**
 * The next pending operations in queue order (at most `max`). In the same transaction each one's
 * `attempts` is raised before it is sent, so a crash after sending still knows it may have landed.
 * A parked row holds back every later row of its token; a row the contract would refuse is parked here.
 */
export function takeBatch(db: TokenDeskDatabase, max: number, now: number): Promise<Operation[]> {
  return db.transaction('rw', db.outbox, db.tokens, db.audit, async () => {
    const firstParked = new Map<string, number>();
    await db.outbox
      .where('status')
      .equals('parked')
      .each((row) => {
        const seq = row.seq ?? 0;
        const known = firstParked.get(row.tokenLocalId);
        if (known === undefined || seq < known) firstParked.set(row.tokenLocalId, seq);
      });
    const candidates = (await db.outbox
      .where('status')
      .equals('pending')
      .filter((row) => {
        const parkedSeq = firstParked.get(row.tokenLocalId);
        return parkedSeq === undefined || (row.seq ?? 0) < parkedSeq;
      })
      .limit(max)
      .toArray()) as SentRow[];

    const parkedNow = new Set<string>();
    const operations: Operation[] = [];
    const sent: SentRow[] = [];
    for (const row of candidates) {
      if (parkedNow.has(row.tokenLocalId)) continue;
      const attempt = row.attempts + 1;
      const checked = operationSchema.safeParse({ ...row.op, seq: row.seq, tokenLocalId: row.tokenLocalId, attempt });
      if (!checked.success) {
        parkedNow.add(row.tokenLocalId);
        const message = `This change cannot be sent: ${checked.error.issues[0]?.message ?? 'invalid operation'}`;
        await park(db, row, { code: 'INVALID_OPERATION', message }, now);
        continue;
      }
      operations.push(checked.data);
      sent.push({ ...row, attempts: attempt, lastTriedAt: now });
    }
    await db.outbox.bulkPut(sent);
    return operations;
  });
}

async function authenticationCodeFree(db: TokenDeskDatabase, code: string, localId: string): Promise<boolean> {
  const holder = await db.tokens.where('authenticationCode').equals(code).first();
  return holder === undefined || holder.localId === localId;
}

/** Server facts always; the fields the counter edits only when no later change of this token is queued. */
async function confirm(db: TokenDeskDatabase, row: SentRow, server: ServerToken, adopted: boolean, now: number): Promise<void> {
  await db.outbox.delete(row.seq);
  await db.audit.add({
    at: now,
    tokenLocalId: row.tokenLocalId,
    action: row.op.kind,
    detail: `${describe(row.op)}: ${adopted ? 'an earlier send had already reached the CRM' : 'accepted by the CRM'}`,
    outcome: adopted ? 'adopted' : 'synced',
  });
  const token = await db.tokens.get(row.tokenLocalId);
  if (!token) return;
  const remaining = await db.outbox.where('tokenLocalId').equals(row.tokenLocalId).toArray();
  const next: TokenRow = {
    ...token,
    serverId: server.id,
    number: server.number,
    participant: server.participant,
    participantNumber: server.participant?.number ?? null,
    classificationName: server.classificationName,
    serverCreatedDate: server.createdDate,
    serverUpdatedDate: server.updatedDate,
    createdBy: server.createdBy,
    updatedBy: server.updatedBy,
    confirmedAt: now,
    updatedAt: now,
  };
  if (remaining.length === 0) {
    next.lifeCycleState = server.lifeCycleState;
    next.identifier = server.identifier;
    if (await authenticationCodeFree(db, server.authenticationCode, token.localId)) {
      next.authenticationCode = server.authenticationCode;
    }
    next.syncStatus = 'synced';
    next.lastError = null;
  } else {
    next.syncStatus = remaining.some((other) => other.status === 'parked') ? 'attention' : 'pending';
  }
  await db.tokens.put(next);
}

export interface ApplySummary {
  done: number;
  retry: number;
  parked: number;
  blocked: number;
  /** Results for rows that are gone or not in flight (a late or repeated reply). */
  ignored: number;
}

/** Applies main's reply to a pushed batch, in one transaction, in queue order. */
export function applyResults(db: TokenDeskDatabase, results: readonly OperationResult[], now: number): Promise<ApplySummary> {
  return db.transaction('rw', db.outbox, db.tokens, db.audit, async () => {
    const summary: ApplySummary = { done: 0, retry: 0, parked: 0, blocked: 0, ignored: 0 };
    for (const result of [...results].sort((a, b) => a.seq - b.seq)) {
      const row = (await db.outbox.get(result.seq)) as SentRow | undefined;
      if (!row || row.status !== 'pending' || row.attempts === 0) {
        summary.ignored += 1;
        continue;
      }
      summary[result.outcome] += 1;
      switch (result.outcome) {
        case 'done':
          await confirm(db, row, result.token, result.adopted, now);
          break;
        case 'retry':
          await db.outbox.update(row.seq, { lastError: result.error });
          break;
        case 'parked':
          await park(db, row, result.error, now);
          break;
        case 'blocked':
          await db.outbox.update(row.seq, { attempts: row.attempts - 1 });
          break;
      }
    }
    return summary;
  });
}

/** Queued changes waiting to be sent. */
export function countPending(db: TokenDeskDatabase): Promise<number> {
  return db.outbox.where('status').equals('pending').count();
}

/** Queued changes the CRM refused for good; they wait for the operator. */
export function countParked(db: TokenDeskDatabase): Promise<number> {
  return db.outbox.where('status').equals('parked').count();
}
