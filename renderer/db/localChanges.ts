import {
  checkTransition,
  INITIAL_LIFE_CYCLE_STATE,
  LIFE_CYCLE_LABELS,
  type LifeCycleState,
} from '../../shared/token/lifeCycle';
import type { TokenDeskDatabase } from './database';
import type { OutboxRow, QueuedOp, TokenRow } from './rows';

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
}

function newOutboxRow(tokenLocalId: string, op: QueuedOp, now: number): OutboxRow {
  return { tokenLocalId, status: 'pending', attempts: 0, createdAt: now, lastTriedAt: null, lastError: null, op };
}

/** Writes a token change, its outbox row and its audit row in one transaction. */
async function queueChange(
  db: TokenDeskDatabase,
  token: TokenRow,
  op: QueuedOp,
  audit: { action: string; detail: string },
  now: number,
): Promise<void> {
  await db.tokens.put(token);
  await db.outbox.add(newOutboxRow(token.localId, op, now));
  await db.audit.add({ at: now, tokenLocalId: token.localId, ...audit, outcome: 'queued' });
}

/** Issues a new token locally (effective, pending) and queues its create. Refuses duplicates, writing nothing. */
export function issueToken(db: TokenDeskDatabase, input: IssueInput, now: number): Promise<TokenRow> {
  return db.transaction('rw', db.tokens, db.outbox, db.audit, async () => {
    const { authenticationCode, identifier } = input;
    if ((await db.tokens.where('authenticationCode').equals(authenticationCode).count()) > 0) {
      throw new LocalChangeError(`Authentication code ${authenticationCode} is already used by another token.`, 'authenticationCode');
    }
    if (identifier !== null && (await db.tokens.where('identifier').equals(identifier).count()) > 0) {
      throw new LocalChangeError(`Identifier ${identifier} is already used by another token.`, 'identifier');
    }
    const token: TokenRow = {
      localId: crypto.randomUUID(),
      serverId: null,
      number: null,
      identifier,
      authenticationCode,
      lifeCycleState: INITIAL_LIFE_CYCLE_STATE,
      participantNumber: input.participantNumber,
      participant: null,
      classificationName: null,
      serverCreatedDate: null,
      serverUpdatedDate: null,
      createdBy: null,
      updatedBy: null,
      confirmedAt: null,
      syncStatus: 'pending',
      lastError: null,
      createdAt: now,
      updatedAt: now,
    };
    const op: QueuedOp = {
      kind: 'create',
      authenticationCode,
      identifier,
      sealedPassCode: input.sealedPassCode,
      participantNumber: input.participantNumber,
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
  target: LifeCycleState,
  now: number,
): Promise<TokenRow> {
  return db.transaction('rw', db.tokens, db.outbox, db.audit, async () => {
    const current = await db.tokens.get(localId);
    if (!current) throw new LocalChangeError('This token is not in the local cache.');
    const check = checkTransition(current.lifeCycleState, target);
    if (!check.ok) throw new LocalChangeError(check.reason);
    const token: TokenRow = {
      ...current,
      lifeCycleState: target,
      syncStatus: current.syncStatus === 'attention' ? 'attention' : 'pending',
      updatedAt: now,
    };
    const op: QueuedOp = { kind: 'setState', authenticationCode: current.authenticationCode, target };
    await queueChange(db, token, op, { action: 'setState', detail: `Set ${LIFE_CYCLE_LABELS[target].toLowerCase()}` }, now);
    return token;
  });
}
