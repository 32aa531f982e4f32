import { t } from '../i18n';
import { isIdentifierTaken, isParticipantRefused } from '../../shared/crm/dialect';
import type { BaseVersion, FieldConflict } from '../../shared/ipc/contract';
import type { AccessTokenDefinition } from '../../shared/token/definition';
import { assertFree, LocalChangeError, refuseAgainstDefinition } from '../refusals';
import { addAudit } from '../storage/audit';
import { changeOf, reasonOf } from '../storage/auditWhat';
import type { TokenDeskDatabase } from '../storage/database';
import type { AuditBy, OutboxRow, OutboxStatus, QueuedOp, SentRow, TokenRow } from '../storage/rows';
import { withKeys } from '../storage/tokenRows';
import { journalRows, journalSettled, queueTransaction } from './journal';
import { wakeOnCommit } from './wake';
import { isWaiting, releaseWaiting } from './parking';
import { conflictValues, rowsOf, settleToken } from './tokenStatus';

/** Runs an operator's decision on one outbox row: one transaction, with its audit row. */
function decide(
  db: TokenDeskDatabase,
  seq: number,
  now: number,
  expected: OutboxStatus | ((row: SentRow) => boolean),
  action: (row: SentRow) => Promise<void>,
): Promise<void> {
  return queueTransaction(db, [db.outbox, db.tokens, db.audit, db.meta], async () => {
    const row = (await db.outbox.get(seq)) as SentRow | undefined;
    const fits = typeof expected === 'function' ? expected : (candidate: SentRow) => candidate.status === expected;
    if (!row || !fits(row)) {
      const refusal = t(expected === 'conflict' ? 'refusals.conflictResolved' : 'refusals.noLongerStuck');
      throw new LocalChangeError(refusal);
    }
    await action(row);
    await releaseWaiting(db, row.tokenLocalId);
    await settleToken(db, row.tokenLocalId, now);
  });
}

/** A create or identifier change the CRM refused because the identifier is taken (by another counter). */
export function isDuplicateIdentifier(row: OutboxRow): boolean {
  const setsIdentifier = row.op.kind === 'create' || (row.op.kind === 'update' && row.op.identifier !== undefined);
  return row.status === 'parked' && setsIdentifier && isIdentifierTaken(row.lastError);
}

/** A create the CRM refused for its participant (none by that number, or the owner's token limit). */
export function isRefusedParticipant(row: OutboxRow): boolean {
  return row.status === 'parked' && row.op.kind === 'create' && isParticipantRefused(row.lastError);
}

/** Back in the queue as a fresh send: pending, due now, no lease, no conflict; it wakes the scheduler. */
async function requeue(db: TokenDeskDatabase, row: SentRow, changes: Partial<OutboxRow>): Promise<void> {
  const next: SentRow = { ...row, status: 'pending', nextTryAt: 0, leaseUntil: 0, leaseOwner: null, conflicts: null, lastError: null, ...changes };
  await db.outbox.put(next);
  journalRows(db, [next]);
  wakeOnCommit(db);
}

/** Conflict: the CRM's value stays (the token already shows it) and my change is dropped. */
export function keepCrmValue(db: TokenDeskDatabase, seq: number, now: number): Promise<void> {
  return decide(db, seq, now, 'conflict', async (row) => {
    await db.outbox.delete(row.seq);
    await journalSettled(db, [row], 'discarded');
    await settleToken(db, row.tokenLocalId, now);
    const what = { kind: 'keepCrmValue' as const, conflicts: row.conflicts ?? [] };
    await addAudit(db, row.tokenLocalId, { action: 'keepCrmValue', what, outcome: 'dropped' }, now);
  });
}

/** The base of a re-queued change: the CRM's copy as the conflict showed it. */
function freshBase(base: BaseVersion, updatedDate: string | null, conflicts: readonly FieldConflict[]): BaseVersion {
  return { ...base, ...conflictValues(conflicts, 'crm'), updatedDate };
}

/** Conflict: my change goes again, based on the CRM's current copy, and the token shows my value, pending. */
export function applyMine(db: TokenDeskDatabase, seq: number, now: number): Promise<void> {
  return decide(db, seq, now, 'conflict', async (row) => {
    const token = await db.tokens.get(row.tokenLocalId);
    const conflicts = row.conflicts ?? [];
    if (row.op.kind !== 'create') {
      const op: QueuedOp = { ...row.op, base: freshBase(row.op.base, token?.serverUpdatedDate ?? null, conflicts) };
      await requeue(db, row, { op, attempts: 0 });
    } else {
      await requeue(db, row, { attempts: 0 });
    }
    await settleToken(db, row.tokenLocalId, now, null, conflictValues(conflicts, 'mine'));
    await addAudit(db, row.tokenLocalId, { action: 'applyMine', what: { kind: 'applyMine', conflicts }, outcome: 'requeued' }, now);
  });
}

/**
 * A create parked because another counter took the identifier: it goes again with the new identifier
 * and the same authentication code (so a send that did land is still found). The identifier is checked
 * against the definition and this counter's tokens; refused, nothing is written.
 */
export function fixParkedIdentifier(
  db: TokenDeskDatabase,
  seq: number,
  identifier: string,
  definition: AccessTokenDefinition,
  now: number,
): Promise<void> {
  return decide(db, seq, now, isDuplicateIdentifier, async (row) => {
    if (row.op.kind === 'setState' || row.op.kind === 'verify') return;
    if (identifier === row.op.identifier) throw new LocalChangeError(t('refusals.identifierRefused'), 'identifier');
    refuseAgainstDefinition(definition, 'identifier', identifier);
    await assertFree(db, 'identifier', identifier, row.tokenLocalId);
    await requeue(db, row, { op: { ...row.op, identifier } });
    await settleToken(db, row.tokenLocalId, now, null, { identifier });
    const what = { kind: 'fixIdentifier' as const, from: row.op.identifier ?? null, to: identifier, create: row.op.kind === 'create', code: row.op.authenticationCode };
    await addAudit(db, row.tokenLocalId, { action: 'fixIdentifier', what, outcome: 'requeued' }, now);
  });
}

/**
 * A create refused for its participant goes again with another participant, or with none (null), and
 * the same authentication code. The same number again is refused, nothing written.
 */
export function fixParkedParticipant(db: TokenDeskDatabase, seq: number, participantNumber: string | null, now: number): Promise<void> {
  return decide(db, seq, now, isRefusedParticipant, async (row) => {
    if (row.op.kind !== 'create') return;
    if (participantNumber === row.op.participantNumber) throw new LocalChangeError(t('refusals.participantRefused'));
    await requeue(db, row, { op: { ...row.op, participantNumber } });
    await settleToken(db, row.tokenLocalId, now, null, { participantNumber });
    const what = { kind: 'fixParticipant' as const, from: row.op.participantNumber, to: participantNumber, code: row.op.authenticationCode };
    await addAudit(db, row.tokenLocalId, { action: 'fixParticipant', what, outcome: 'requeued' }, now);
  });
}

/** A verification code the CRM read against the pending token and did not accept. */
export function isRefusedVerification(row: OutboxRow): boolean {
  return row.status === 'parked' && row.op.kind === 'verify' && row.lastError?.reason === 'verificationRefused';
}

/** The code the customer reads out again (sealed by main) replaces the refused one in the same row; the refused one is kept nowhere. */
export function fixParkedVerification(db: TokenDeskDatabase, seq: number, sealedVerificationCode: string, now: number): Promise<void> {
  return decide(db, seq, now, isRefusedVerification, async (row) => {
    if (row.op.kind !== 'verify') return;
    await requeue(db, row, { op: { ...row.op, sealedVerificationCode } });
    await addAudit(db, row.tokenLocalId, { action: 'fixVerification', what: { kind: 'fixVerification' }, outcome: 'requeued' }, now);
  });
}

/** Puts a parked change back in the queue as it is (say, after the cause was fixed in the CRM). */
export function retryParked(db: TokenDeskDatabase, seq: number, now: number): Promise<void> {
  return decide(db, seq, now, (row) => row.status === 'parked' && !isWaiting(row), async (row) => {
    await requeue(db, row, {});
    await settleToken(db, row.tokenLocalId, now);
    await addAudit(db, row.tokenLocalId, { action: 'retry', what: { kind: 'retry', reason: reasonOf(row.lastError) }, outcome: 'requeued' }, now);
  });
}

/** A parked change that is the operator's to decide (not one merely waiting behind another). */
export const isDiscardable = (row: OutboxRow): boolean => row.status === 'parked' && !isWaiting(row);

/**
 * What a dropped update or switch had set on the token goes back to the value it was based on, unless
 * a later queued change sets that field again. Later changes that name the token by a dropped new
 * code name it by the old one again (the CRM never learnt the new one).
 */
async function undoChange(db: TokenDeskDatabase, row: SentRow, later: readonly SentRow[]): Promise<void> {
  const { op } = row;
  if (op.kind === 'create') return;
  const patch: Partial<TokenRow> = {};
  const laterSets = (test: (other: QueuedOp) => boolean) => later.some((other) => test(other.op));
  if (op.kind === 'setState' || op.kind === 'verify') {
    if (!laterSets((other) => other.kind === 'setState' || other.kind === 'verify')) patch.lifeCycleState = op.base.lifeCycleState;
  } else {
    if (op.identifier !== undefined && !laterSets((other) => other.kind === 'update' && other.identifier !== undefined)) {
      patch.identifier = op.base.identifier;
    }
    const dropped = op.newAuthenticationCode;
    if (dropped !== undefined) {
      for (const other of later.filter((candidate) => candidate.op.authenticationCode === dropped)) {
        const renamed = { ...other, op: { ...other.op, authenticationCode: op.authenticationCode } };
        await db.outbox.put(renamed);
        journalRows(db, [renamed]);
      }
      if (!laterSets((other) => other.kind === 'update' && other.newAuthenticationCode !== undefined)) {
        patch.authenticationCode = op.authenticationCode;
      }
    }
  }
  const token = await db.tokens.get(row.tokenLocalId);
  if (token) await db.tokens.put(withKeys({ ...token, ...patch }));
}

/**
 * Drops a parked change for good, with an audit entry; the changes waiting behind it go on.
 * A refused create never made the token in the CRM, so the token leaves this counter with every
 * change queued for it (they could only fail). A dropped update or switch is undone on the token.
 */
export function discardParked(db: TokenDeskDatabase, seq: number, now: number, by?: AuditBy): Promise<void> {
  return decide(db, seq, now, isDiscardable, async (row) => {
    const later = (await rowsOf(db, row.tokenLocalId)).filter((other) => other.seq > row.seq);
    if (row.op.kind === 'create') {
      await db.outbox.bulkDelete([row.seq, ...later.map((other) => other.seq)]);
      await journalSettled(db, [row, ...later], 'discarded');
      await db.tokens.delete(row.tokenLocalId);
    } else {
      await db.outbox.delete(row.seq);
      await journalSettled(db, [row], 'discarded');
      await undoChange(db, row, later);
    }
    const what = { kind: 'discard' as const, change: changeOf(row.op), reason: reasonOf(row.lastError), created: row.op.kind === 'create', later: later.length };
    await addAudit(db, row.tokenLocalId, { action: 'discard', what, outcome: 'dropped' }, now, by);
  });
}
