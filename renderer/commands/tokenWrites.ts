import { t } from '../i18n';
import { checkTransition, checkVerify, INITIAL_LIFE_CYCLE_STATE, type SwitchTarget } from '../../shared/token/lifeCycle';
import { enqueue, queueTransaction, rowsOf } from '../outbox';
import { assertFree, LocalChangeError, refuseAgainstDefinition } from '../refusals';
import { readDefinition } from '../storage/meta';
import { addAudit } from '../storage/audit';
import type { TokenDeskDatabase } from '../storage/database';
import type { AuditWhat } from '../storage/auditWhat';
import { HANDED_OUT, IN_STOCK, type QueuedOp, type TokenRow } from '../storage/rows';
import { baseOf, newTokenRow, statusAfterLocalChange, withKeys } from '../storage/tokenRows';

/**
 * The writes behind the operator's commands: each puts the token, queues its change in the outbox
 * and adds the audit row in one transaction, and refuses (writing nothing) what the local state rules
 * out or the active definition refuses.
 */

export interface IssueInput {
  identifier: string | null;
  /** Sealed by main (api.sealSecret) before this is called; never the plain pass code. */
  sealedPassCode: string | null;
  participantNumber: string | null;
  authenticationCode: string;
  /** The CRM classification to create it with, and its name to show until the CRM confirms it. */
  classificationId?: string | null;
  classificationName?: string | null;
}

/**
 * A new identifier (with its pass code, sealed by main), a new pass code for the identifier the token
 * has, or a new authentication code.
 */
export type TokenEdit = { identifier: string; sealedPassCode: string } | { sealedPassCode: string } | { newAuthenticationCode: string };

/** An identifier with its pass code (sealed by main) to give a stock token as it is handed out. */
export interface HandOutIdentity {
  identifier: string;
  sealedPassCode: string;
}

async function existing(db: TokenDeskDatabase, localId: string): Promise<TokenRow> {
  const token = await db.tokens.get(localId);
  if (!token) throw new LocalChangeError(t('refusals.notCached'));
  return token;
}

/** Writes a token change, its outbox row and its audit row, inside the caller's transaction. */
async function queueChange(db: TokenDeskDatabase, token: TokenRow, op: QueuedOp, audit: { action: string; what: AuditWhat }, now: number): Promise<void> {
  await db.tokens.put(withKeys(token));
  await enqueue(db, token.localId, op, now);
  await addAudit(db, token.localId, { ...audit, outcome: 'queued' }, now);
}

const changeTables = (db: TokenDeskDatabase) => [db.tokens, db.outbox, db.audit, db.meta];

/** Issues a new token locally (effective, pending) and queues its create. Refuses duplicates, writing nothing. */
export function issueToken(db: TokenDeskDatabase, input: IssueInput, now: number): Promise<TokenRow> {
  return queueTransaction(db, changeTables(db), async () => {
    const { authenticationCode, identifier, participantNumber, classificationId = null } = input;
    await assertFree(db, 'authenticationCode', authenticationCode);
    if (identifier !== null) await assertFree(db, 'identifier', identifier);
    const lifeCycleState = INITIAL_LIFE_CYCLE_STATE;
    const fields = { identifier, authenticationCode, lifeCycleState, participantNumber, syncStatus: 'pending' as const, stock: 0 as const };
    const token = { ...newTokenRow(fields, now, now), classificationName: input.classificationName ?? null };
    const op: QueuedOp = {
      kind: 'create',
      authenticationCode,
      identifier,
      sealedPassCode: input.sealedPassCode,
      participantNumber,
      ...(classificationId === null ? {} : { classificationId }),
    };
    await queueChange(db, token, op, { action: 'issue', what: { kind: 'issue', code: authenticationCode, identifier } }, now);
    return token;
  });
}

/** Switches a token to `target` locally and queues the change. Unknown token or same state: refused, nothing written. */
export function setLifeCycleState(db: TokenDeskDatabase, localId: string, target: SwitchTarget, now: number): Promise<TokenRow> {
  return queueTransaction(db, changeTables(db), async () => {
    const current = await existing(db, localId);
    const check = checkTransition(current.lifeCycleState, target);
    if (!check.ok) throw new LocalChangeError(check.reason);
    const token: TokenRow = { ...current, lifeCycleState: target, syncStatus: statusAfterLocalChange(current), updatedAt: now };
    const op: QueuedOp = { kind: 'setState', authenticationCode: current.authenticationCode, base: baseOf(current), target };
    await queueChange(db, token, op, { action: 'setState', what: { kind: 'setState', target } }, now);
    return token;
  });
}

/**
 * Queues the verification code the customer received (sealed by main) for a token pending
 * verification. The token stays pending until the CRM accepts the code; a second code while one
 * waits is refused. Nothing but the queued operation holds the code, and the audit says only that one was entered.
 */
export function queueVerification(db: TokenDeskDatabase, localId: string, sealedVerificationCode: string, now: number): Promise<TokenRow> {
  return db.transaction('rw', changeTables(db), async () => {
    const current = await existing(db, localId);
    const check = checkVerify(current.lifeCycleState);
    if (!check.ok) throw new LocalChangeError(check.reason);
    if ((await rowsOf(db, localId)).some((row) => row.op.kind === 'verify')) {
      throw new LocalChangeError(t('refusals.verificationWaiting'));
    }
    const token: TokenRow = { ...current, syncStatus: statusAfterLocalChange(current), updatedAt: now };
    const op: QueuedOp = { kind: 'verify', authenticationCode: current.authenticationCode, base: baseOf(current), sealedVerificationCode };
    await queueChange(db, token, op, { action: 'verify', what: { kind: 'verify' } }, now);
    return token;
  });
}

/**
 * Changes a token's identifier (with its pass code) or its authentication code locally and queues an
 * update. An unchanged value, one the definition refuses, or one another local token holds is refused
 * and nothing is written.
 */
export function editToken(db: TokenDeskDatabase, localId: string, change: TokenEdit, now: number): Promise<TokenRow> {
  return queueTransaction(db, changeTables(db), async () => {
    const current = await existing(db, localId);
    const definition = await readDefinition(db);
    const base = { kind: 'update' as const, authenticationCode: current.authenticationCode, base: baseOf(current) };
    let token: TokenRow;
    let op: QueuedOp;
    let what: AuditWhat;
    if ('identifier' in change) {
      if (change.identifier === current.identifier) throw new LocalChangeError(t('refusals.identifierUnchanged'), 'identifier');
      refuseAgainstDefinition(definition, 'identifier', change.identifier);
      await assertFree(db, 'identifier', change.identifier, localId);
      token = { ...current, identifier: change.identifier };
      op = { ...base, identifier: change.identifier, sealedPassCode: change.sealedPassCode };
      what = { kind: 'identifier', from: current.identifier, to: change.identifier };
    } else if ('sealedPassCode' in change) {
      if (current.identifier === null) throw new LocalChangeError(t('refusals.passCodeNeedsIdentifier'), 'identifier');
      token = current;
      // The CRM takes a pass code only with its identifier: the same identifier goes again.
      op = { ...base, identifier: current.identifier, sealedPassCode: change.sealedPassCode };
      what = { kind: 'passCode', identifier: current.identifier };
    } else {
      const code = change.newAuthenticationCode;
      if (code === current.authenticationCode) throw new LocalChangeError(t('refusals.codeUnchanged'), 'authenticationCode');
      refuseAgainstDefinition(definition, 'authenticationCode', code);
      await assertFree(db, 'authenticationCode', code, localId);
      token = { ...current, authenticationCode: code };
      op = { ...base, newAuthenticationCode: code };
      what = { kind: 'authenticationCode', from: current.authenticationCode, to: code };
    }
    token = { ...token, syncStatus: statusAfterLocalChange(current), updatedAt: now };
    await queueChange(db, token, op, { action: 'edit', what }, now);
    return token;
  });
}

/**
 * Hands a not-associated stock token to a customer. The CRM cannot link an existing token to a
 * participant, nor reserve it, so this is recorded here (stock 2, an audit row) and nothing is sent,
 * unless the customer gets an identifier and pass code: that is a queued update, in the same transaction.
 */
export function handOutStock(db: TokenDeskDatabase, localId: string, identity: HandOutIdentity | null, now: number): Promise<TokenRow> {
  return queueTransaction(db, changeTables(db), async () => {
    const token = await db.tokens.get(localId);
    if (!token || token.stock !== IN_STOCK) throw new LocalChangeError(t('refusals.notInStock'));
    await db.tokens.put({ ...token, stock: HANDED_OUT, updatedAt: now });
    await addAudit(db, localId, { action: 'handOut', what: { kind: 'handOut', code: token.authenticationCode }, outcome: 'local' }, now);
    if (identity !== null) await editToken(db, localId, identity, now);
    return existing(db, localId);
  });
}
