import {
  checkTransition,
  INITIAL_LIFE_CYCLE_STATE,
  LIFE_CYCLE_LABELS,
  type SwitchTarget,
} from '../../shared/token/lifeCycle';
import { checkField, type AccessTokenDefinition } from '../../shared/token/definition';
import type { TokenDeskDatabase } from './database';
import { readDefinition } from './meta';
import { addAudit } from './audit';
import { stuckHead, waitingError } from './waiting';
import type { OutboxRow, QueuedOp, TokenRow } from './rows';
import { baseOf, newTokenRow, statusAfterLocalChange, withKeys } from './tokenState';

/** A local change the app refuses; `field` names the form field it concerns, when there is one. */
export class LocalChangeError extends Error {
  readonly field: 'identifier' | 'authenticationCode' | null;
  constructor(message: string, field: LocalChangeError['field'] = null) {
    super(message);
    this.name = 'LocalChangeError';
    this.field = field;
  }
}

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

export function newOutboxRow(tokenLocalId: string, op: QueuedOp, now: number): OutboxRow {
  return {
    tokenLocalId,
    status: 'pending',
    attempts: 0,
    createdAt: now,
    lastTriedAt: null,
    lastError: null,
    nextTryAt: 0,
    leaseUntil: 0,
    leaseOwner: null,
    conflicts: null,
    op,
  };
}

/** Refuses a value another local token already holds. Runs inside the caller's transaction. */
export async function assertFree(
  db: TokenDeskDatabase,
  field: 'identifier' | 'authenticationCode',
  value: string,
  exceptLocalId: string | null = null,
): Promise<void> {
  const holder = await db.tokens.where(field).equals(value).first();
  if (holder && holder.localId !== exceptLocalId) {
    const label = field === 'identifier' ? 'Identifier' : 'Authentication code';
    throw new LocalChangeError(`${label} ${value} is already used by another token.`, field);
  }
}

async function existing(db: TokenDeskDatabase, localId: string): Promise<TokenRow> {
  const token = await db.tokens.get(localId);
  if (!token) throw new LocalChangeError('This token is not in the local cache.');
  return token;
}

/** Writes a token change, its outbox row and its audit row in one transaction. */
async function queueChange(
  db: TokenDeskDatabase,
  token: TokenRow,
  op: QueuedOp,
  audit: { action: string; detail: string },
  now: number,
): Promise<void> {
  const head = await stuckHead(db, token.localId);
  const row = newOutboxRow(token.localId, op, now);
  await db.tokens.put(withKeys(token));
  await db.outbox.add(head ? { ...row, status: 'parked', lastError: waitingError(head.lastError) } : row);
  await addAudit(db, token.localId, { ...audit, outcome: 'queued' }, now);
}

const changeTables = (db: TokenDeskDatabase) => [db.tokens, db.outbox, db.audit, db.meta];

/** Issues a new token locally (effective, pending) and queues its create. Refuses duplicates, writing nothing. */
export function issueToken(db: TokenDeskDatabase, input: IssueInput, now: number): Promise<TokenRow> {
  return db.transaction('rw', changeTables(db), async () => {
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
    const detail = `Issued ${authenticationCode}${identifier === null ? '' : ` (identifier ${identifier})`}`;
    await queueChange(db, token, op, { action: 'issue', detail }, now);
    return token;
  });
}

/** Switches a token to `target` locally and queues the change. Unknown token or same state: refused, nothing written. */
export function setLifeCycleState(
  db: TokenDeskDatabase,
  localId: string,
  target: SwitchTarget,
  now: number,
): Promise<TokenRow> {
  return db.transaction('rw', changeTables(db), async () => {
    const current = await existing(db, localId);
    const check = checkTransition(current.lifeCycleState, target);
    if (!check.ok) throw new LocalChangeError(check.reason);
    const token: TokenRow = { ...current, lifeCycleState: target, syncStatus: statusAfterLocalChange(current), updatedAt: now };
    const op: QueuedOp = { kind: 'setState', authenticationCode: current.authenticationCode, base: baseOf(current), target };
    await queueChange(db, token, op, { action: 'setState', detail: `Set ${LIFE_CYCLE_LABELS[target].toLowerCase()}` }, now);
    return token;
  });
}

/** Checks a new identifier as the CRM would (the active definition) and against this counter's tokens. */
export async function checkNewIdentifier(
  db: TokenDeskDatabase,
  identifier: string,
  localId: string,
  definition: AccessTokenDefinition,
): Promise<void> {
  const problem = checkField(definition.identifier, 'Identifier', identifier);
  if (problem) throw new LocalChangeError(problem, 'identifier');
  await assertFree(db, 'identifier', identifier, localId);
}

/**
 * Changes a token's identifier (with its pass code) or its authentication code locally and queues an
 * update. An unchanged value, one the definition refuses, or one another local token holds is refused
 * and nothing is written.
 */
export function editToken(db: TokenDeskDatabase, localId: string, change: TokenEdit, now: number): Promise<TokenRow> {
  return db.transaction('rw', changeTables(db), async () => {
    const current = await existing(db, localId);
    const definition = await readDefinition(db);
    const base = { kind: 'update' as const, authenticationCode: current.authenticationCode, base: baseOf(current) };
    let token: TokenRow;
    let op: QueuedOp;
    let detail: string;
    if ('identifier' in change) {
      if (change.identifier === current.identifier) throw new LocalChangeError('The identifier is unchanged.', 'identifier');
      await checkNewIdentifier(db, change.identifier, localId, definition);
      token = { ...current, identifier: change.identifier };
      op = { ...base, identifier: change.identifier, sealedPassCode: change.sealedPassCode };
      detail = `Identifier ${current.identifier ?? 'none'} → ${change.identifier}`;
    } else if ('sealedPassCode' in change) {
      if (current.identifier === null) throw new LocalChangeError('A pass code needs an identifier; set one first.', 'identifier');
      token = current;
      // The CRM takes a pass code only with its identifier: the same identifier goes again.
      op = { ...base, identifier: current.identifier, sealedPassCode: change.sealedPassCode };
      detail = `Pass code changed (identifier ${current.identifier} kept)`;
    } else {
      const code = change.newAuthenticationCode;
      if (code === current.authenticationCode) throw new LocalChangeError('The authentication code is unchanged.', 'authenticationCode');
      const problem = checkField(definition.authenticationCode, 'Authentication code', code);
      if (problem) throw new LocalChangeError(problem, 'authenticationCode');
      await assertFree(db, 'authenticationCode', code, localId);
      token = { ...current, authenticationCode: code };
      op = { ...base, newAuthenticationCode: code };
      detail = `Authentication code ${current.authenticationCode} → ${code}`;
    }
    token = { ...token, syncStatus: statusAfterLocalChange(current), updatedAt: now };
    await queueChange(db, token, op, { action: 'edit', detail }, now);
    return token;
  });
}
