import type { AccessTokenIdentifier, WireAccessToken } from '../../shared/crm/wire';
import { CrmCode } from '../../shared/crm/statusCodes';
import type { CreateOperation, FieldConflict, Operation, SetStateOperation, UpdateOperation } from '../../shared/ipc/contract';
import type { CreateTokenRequest, UpdateTokenRequest } from '../crm/crmClient';
import type { CrmSession } from '../crm/crmSession';
import { CrmError, isCrmError } from '../crm/crmError';

export type RunOutcome =
  /** `adopted`: the CRM already held this change (an earlier send landed, or another counter made it). */
  | { kind: 'done'; token: WireAccessToken; adopted: boolean }
  | { kind: 'conflict'; token: WireAccessToken; conflicts: FieldConflict[] };

export interface RunnerDeps {
  session: CrmSession;
  /** Opens a queued pass code to be sent to `origin`; refuses one entered for another CRM. */
  unseal: (sealed: string, origin: string) => Promise<string>;
}

/** Before anything of the operation is sent, so one held for another CRM sends nothing at all. */
function openPassCode(sealed: string | undefined, deps: RunnerDeps): Promise<string | undefined> {
  return sealed === undefined ? Promise.resolve(undefined) : deps.unseal(sealed, deps.session.client.origin);
}

const byCode = (code: string): AccessTokenIdentifier => ({ authentication_code: code });
const done = (token: WireAccessToken, adopted: boolean): RunOutcome => ({ kind: 'done', token, adopted });

/** The token the identifier leads to, or null when the CRM has none. */
async function find(session: CrmSession, identifier: AccessTokenIdentifier): Promise<WireAccessToken | null> {
  try {
    return await session.call((client, token) => client.showToken(token, identifier));
  } catch (error) {
    if (isCrmError(error) && error.code === CrmCode.tokenNotFound) return null;
    throw error;
  }
}

async function current(session: CrmSession, code: string): Promise<WireAccessToken> {
  const token = await find(session, byCode(code));
  if (token) return token;
  throw new CrmError('permanent', CrmCode.tokenNotFound, `The CRM no longer knows a token with code ${code}.`);
}

/**
 * Exactly-once create without an idempotency key: the app chose the
 * authentication code, so a retry first asks whether a token with that code
 * already exists and adopts it instead of making a twin.
 */
async function runCreate(op: CreateOperation, deps: RunnerDeps): Promise<RunOutcome> {
  const passCode = await openPassCode(op.sealedPassCode ?? undefined, deps);
  if (op.attempt > 1) {
    const existing = await find(deps.session, byCode(op.authenticationCode));
    if (existing) return done(existing, true);
  }
  const request: CreateTokenRequest = { authentication_code: op.authenticationCode };
  if (op.identifier !== null) request.identifier = op.identifier;
  if (passCode !== undefined) request.pass_code = passCode;
  if (op.participantNumber !== null) request.rewards_participant_identifier = { number: op.participantNumber };
  if (op.classificationId) request.classification_identifier = { id: op.classificationId };
  try {
    return done(await deps.session.call((client, token) => client.createToken(token, request)), false);
  } catch (error) {
    if (!isCrmError(error) || error.code !== CrmCode.authenticationCodeExists) throw error;
    const existing = await find(deps.session, byCode(op.authenticationCode));
    if (existing && existing.identifier === op.identifier) return done(existing, true);
    throw error;
  }
}

/** Re-read first: a state the CRM already holds is not sent again (a retry, or another counter did it). */
async function runSetState(op: SetStateOperation, deps: RunnerDeps): Promise<RunOutcome> {
  const before = await current(deps.session, op.authenticationCode);
  if (before.life_cycle_state === op.target) return done(before, true);
  try {
    return done(await deps.session.call((client, t) => client.setLifeCycleState(t, byCode(op.authenticationCode), op.target)), false);
  } catch (error) {
    if (!isCrmError(error) || error.code !== CrmCode.invalidLifeCycleTransition) throw error;
    const after = await current(deps.session, op.authenticationCode);
    if (after.life_cycle_state === op.target) return done(after, true);
    throw error;
  }
}

/**
 * One update call is atomic, so on a retry it landed if the token answers to
 * the new code, or to the new identifier and pass code under its code.
 */
async function earlierUpdate(op: UpdateOperation, passCode: string | undefined, deps: RunnerDeps): Promise<WireAccessToken | null> {
  if (op.newAuthenticationCode !== undefined) return find(deps.session, byCode(op.newAuthenticationCode));
  if (op.identifier === undefined || passCode === undefined) return null;
  const found = await find(deps.session, { identifier: op.identifier, pass_code: passCode });
  return found?.authentication_code === op.authenticationCode ? found : null;
}

/** The CRM changed the identifier to a third value since the change was queued. */
function identifierConflict(op: UpdateOperation, crm: WireAccessToken): FieldConflict[] {
  if (op.identifier === undefined || crm.identifier === op.identifier || crm.identifier === op.base.identifier) return [];
  return [{ field: 'identifier', crm: crm.identifier, mine: op.identifier }];
}

async function runUpdate(op: UpdateOperation, deps: RunnerDeps): Promise<RunOutcome> {
  const passCode = await openPassCode(op.sealedPassCode, deps);
  if (op.attempt > 1) {
    const landed = await earlierUpdate(op, passCode, deps);
    if (landed) return done(landed, true);
  }
  const before = await current(deps.session, op.authenticationCode);
  const conflicts = identifierConflict(op, before);
  if (conflicts.length > 0) return { kind: 'conflict', token: before, conflicts };
  const request: UpdateTokenRequest = { access_token_identifier: byCode(op.authenticationCode) };
  if (op.identifier !== undefined) request.identifier = op.identifier;
  if (passCode !== undefined) request.pass_code = passCode;
  if (op.newAuthenticationCode !== undefined) request.authentication_code = op.newAuthenticationCode;
  try {
    return done(await deps.session.call((client, token) => client.updateToken(token, request)), false);
  } catch (error) {
    if (isCrmError(error) && error.code === CrmCode.nothingToAmend) return done(before, true);
    throw error;
  }
}

export function runOperation(op: Operation, deps: RunnerDeps): Promise<RunOutcome> {
  switch (op.kind) {
    case 'create':
      return runCreate(op, deps);
    case 'setState':
      return runSetState(op, deps);
    case 'update':
      return runUpdate(op, deps);
  }
}
