import type { CrmMeaning } from '../../shared/crm/dialect';
import type { AccessTokenIdentifier, WireAccessToken } from '../../shared/crm/wire';
import type {
  CreateOperation,
  FieldConflict,
  Operation,
  SetStateOperation,
  UpdateOperation,
  VerifyOperation,
} from '../../shared/ipc/contract';
import { checkTransition, checkVerify, LIFE_CYCLE_LABELS } from '../../shared/token/lifeCycle';
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
  /** A create reply carried another code than the one sent: this server makes its own codes. */
  onCodeReplaced?: () => Promise<void>;
}

/** Before anything of the operation is sent, so one held for another CRM sends nothing at all. */
function openPassCode(sealed: string | undefined, deps: RunnerDeps): Promise<string | undefined> {
  return sealed === undefined ? Promise.resolve(undefined) : deps.unseal(sealed, deps.session.client.origin);
}

export const RELEASE_CANNOT_SWITCH = 'This CRM release cannot switch tokens through its API (set as effective / not effective exist from CRM.COM R13.1).';

const byCode = (code: string): AccessTokenIdentifier => ({ authentication_code: code });
const done = (token: WireAccessToken, adopted: boolean): RunOutcome => ({ kind: 'done', token, adopted });

/** The CRM answered, and its dialect says the answer means `meaning`. */
function answered(deps: RunnerDeps, error: unknown, meaning: CrmMeaning): error is CrmError {
  return error instanceof CrmError && error.fromCrm && deps.session.client.dialect().means(error.code, meaning);
}

/**
 * The token the identifier leads to, or null when the CRM said, in words this server was heard to
 * use for it, that it has none. Any other refusal is not taken as "none": the operation waits and
 * asks again later, so a lost create is never sent twice on a guess.
 */
async function find(deps: RunnerDeps, identifier: AccessTokenIdentifier): Promise<WireAccessToken | null> {
  try {
    return await deps.session.call((client, token) => client.showToken(token, identifier));
  } catch (error) {
    if (answered(deps, error, 'tokenNotFound')) return null;
    if (!isCrmError(error, 'permanent', 'unknown')) throw error;
    throw new CrmError(
      'temporary',
      error.code,
      `The CRM answered the check for this token with "${error.message}" (${error.code}), which this app does not know as "no such token"; it asks again later and sends nothing until it knows.`,
      { httpStatus: error.httpStatus, fromCrm: true, reason: 'unrecognisedCheck' },
    );
  }
}

async function current(deps: RunnerDeps, code: string): Promise<WireAccessToken> {
  const token = await find(deps, byCode(code));
  if (token) return token;
  throw new CrmError('permanent', 'NOT_IN_CRM', `The CRM no longer knows a token with code ${code}.`);
}

/** An earlier send of this create, by its code or, when it has one, by identifier and pass code (the CRM may have made its own code). */
async function earlierCreate(op: CreateOperation, passCode: string | undefined, deps: RunnerDeps): Promise<WireAccessToken | null> {
  const byOwnCode = await find(deps, byCode(op.authenticationCode));
  if (byOwnCode || op.identifier === null || passCode === undefined) return byOwnCode;
  return find(deps, { identifier: op.identifier, pass_code: passCode });
}

function createRequest(op: CreateOperation, passCode: string | undefined): CreateTokenRequest {
  const request: CreateTokenRequest = { authentication_code: op.authenticationCode };
  if (op.identifier !== null) request.identifier = op.identifier;
  if (passCode !== undefined) request.pass_code = passCode;
  if (op.participantNumber !== null) request.rewards_participant_identifier = { number: op.participantNumber };
  if (op.classificationId) request.classification_identifier = { id: op.classificationId };
  return request;
}

/** A create with a participant the CRM refused for it: no such participant, or (the rules checked here aside) its token limit. */
function refusedParticipant(deps: RunnerDeps, error: unknown, op: CreateOperation): error is CrmError {
  return op.participantNumber !== null && (answered(deps, error, 'participantNotFound') || answered(deps, error, 'definitionViolated'));
}

/**
 * Exactly-once create without an idempotency key: a retry first asks whether
 * the earlier send landed (by code, then by identifier + pass code) and adopts
 * it instead of making a twin. A reply with another code than the one sent is
 * adopted as it is, and the server is marked as one that makes its own codes.
 */
async function runCreate(op: CreateOperation, deps: RunnerDeps): Promise<RunOutcome> {
  const passCode = await openPassCode(op.sealedPassCode ?? undefined, deps);
  if (op.attempt > 1) {
    const existing = await earlierCreate(op, passCode, deps);
    if (existing) return done(existing, true);
  }
  let created: WireAccessToken;
  try {
    created = await deps.session.call((client, token) => client.createToken(token, createRequest(op, passCode)));
  } catch (error) {
    if (answered(deps, error, 'identifierTaken')) {
      throw new CrmError(error.kind, error.code, error.message, { httpStatus: error.httpStatus, fromCrm: true, reason: 'identifierTaken' });
    }
    if (refusedParticipant(deps, error, op)) {
      throw new CrmError(error.kind, error.code, error.message, { httpStatus: error.httpStatus, fromCrm: true, reason: 'participantRefused' });
    }
    if (!answered(deps, error, 'codeTaken')) throw error;
    const existing = await find(deps, byCode(op.authenticationCode));
    if (existing && existing.identifier === op.identifier) return done(existing, true);
    throw error;
  }
  if (created.authentication_code !== op.authenticationCode) await deps.onCodeReplaced?.();
  return done(created, false);
}

/** The token's state after a refusal: where it allows no such move, a parked change that says why. */
function settledRefusal(after: WireAccessToken, target: SetStateOperation['target'], error: unknown): never {
  const check = checkTransition(after.life_cycle_state, target);
  if (check.ok) throw error;
  throw new CrmError('permanent', 'NOT_ALLOWED_FROM_STATE', `The CRM holds this token as ${LIFE_CYCLE_LABELS[after.life_cycle_state].toLowerCase()}: ${check.reason}`);
}

/**
 * Re-read first: a state the CRM already holds is not sent again (a retry, or another counter did it),
 * and a move the docs do not allow from the CRM's state is not sent at all. A refusal is re-read and settled.
 */
async function runSetState(op: SetStateOperation, deps: RunnerDeps): Promise<RunOutcome> {
  const before = await current(deps, op.authenticationCode);
  if (before.life_cycle_state === op.target) return done(before, true);
  if (!checkTransition(before.life_cycle_state, op.target).ok) settledRefusal(before, op.target, null);
  try {
    return done(await deps.session.call((client, t) => client.setLifeCycleState(t, byCode(op.authenticationCode), op.target)), false);
  } catch (error) {
    if (answered(deps, error, 'methodNotFound')) {
      throw new CrmError('permanent', error.code, RELEASE_CANNOT_SWITCH, { httpStatus: error.httpStatus, fromCrm: true, reason: 'releaseCannotSwitch' });
    }
    if (!isCrmError(error, 'permanent', 'unknown')) throw error;
    const after = await current(deps, op.authenticationCode);
    if (after.life_cycle_state === op.target) return done(after, true);
    return settledRefusal(after, op.target, error);
  }
}

/** Pending verification → effective with the customer's code; a token already effective was verified by an earlier send. */
async function runVerify(op: VerifyOperation, deps: RunnerDeps): Promise<RunOutcome> {
  const before = await current(deps, op.authenticationCode);
  if (before.life_cycle_state === 'EFFECTIVE') return done(before, true);
  const check = checkVerify(before.life_cycle_state);
  if (!check.ok) throw new CrmError('permanent', 'NOT_ALLOWED_FROM_STATE', check.reason);
  const code = await deps.unseal(op.sealedVerificationCode, deps.session.client.origin);
  try {
    return done(await deps.session.call((client, t) => client.verifyToken(t, byCode(op.authenticationCode), code)), false);
  } catch (error) {
    if (!isCrmError(error, 'permanent', 'unknown')) throw error;
    const after = await current(deps, op.authenticationCode);
    if (after.life_cycle_state === 'EFFECTIVE') return done(after, true);
    if (after.life_cycle_state !== 'PENDING_VERIFICATION' || !error.fromCrm) throw error;
    throw verificationRefused(error);
  }
}

/** The CRM read the code against a token still pending and said no: sending the same code again cannot help. */
function verificationRefused(error: CrmError): CrmError {
  const said = error.message && error.message !== error.code ? ` It said: ${error.message}` : '';
  const message = `The CRM did not accept this verification code.${said} Ask the customer for the code they received and enter it again.`;
  return new CrmError('permanent', error.code, message, { httpStatus: error.httpStatus, fromCrm: true, reason: 'verificationRefused' });
}

/**
 * One update call is atomic, so on a retry it landed if the token answers to
 * the new code, or to the new identifier and pass code under its code.
 */
async function earlierUpdate(op: UpdateOperation, passCode: string | undefined, deps: RunnerDeps): Promise<WireAccessToken | null> {
  if (op.newAuthenticationCode !== undefined) return find(deps, byCode(op.newAuthenticationCode));
  if (op.identifier === undefined || passCode === undefined) return null;
  const found = await find(deps, { identifier: op.identifier, pass_code: passCode });
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
  const before = await current(deps, op.authenticationCode);
  const conflicts = identifierConflict(op, before);
  if (conflicts.length > 0) return { kind: 'conflict', token: before, conflicts };
  const request: UpdateTokenRequest = { access_token_identifier: byCode(op.authenticationCode) };
  if (op.identifier !== undefined) request.identifier = op.identifier;
  if (passCode !== undefined) request.pass_code = passCode;
  if (op.newAuthenticationCode !== undefined) request.authentication_code = op.newAuthenticationCode;
  try {
    return done(await deps.session.call((client, token) => client.updateToken(token, request)), false);
  } catch (error) {
    if (answered(deps, error, 'nothingToAmend')) return done(before, true);
    if (answered(deps, error, 'identifierTaken')) {
      throw new CrmError(error.kind, error.code, error.message, { httpStatus: error.httpStatus, fromCrm: true, reason: 'identifierTaken' });
    }
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
    case 'verify':
      return runVerify(op, deps);
  }
}
