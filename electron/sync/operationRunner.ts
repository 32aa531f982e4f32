import type { AccessTokenIdentifier, WireAccessToken } from '../../shared/crm/wire';
import { CrmCode } from '../../shared/crm/statusCodes';
import type { CreateOperation, Operation, SetStateOperation, UpdateOperation } from '../../shared/ipc/contract';
import type { CreateTokenRequest, UpdateTokenRequest } from '../crm/crmClient';
import type { CrmSession } from '../crm/crmSession';
import { isCrmError } from '../crm/crmError';

export interface RunOutcome {
  token: WireAccessToken;
  /** An earlier send had already made this change; nothing was sent again. */
  adopted: boolean;
}

export interface RunnerDeps {
  session: CrmSession;
  unseal: (sealed: string) => Promise<string>;
}

const byCode = (code: string): AccessTokenIdentifier => ({ authentication_code: code });

/** The token with that code, or null when the CRM has none. */
async function findByCode(session: CrmSession, code: string): Promise<WireAccessToken | null> {
  try {
    return await session.call((client, token) => client.showToken(token, byCode(code)));
  } catch (error) {
    if (isCrmError(error) && error.code === CrmCode.tokenNotFound) return null;
    throw error;
  }
}

/**
 * Exactly-once create without an idempotency key: the app chose the
 * authentication code, so a retry first asks whether a token with that code
 * already exists and adopts it instead of making a twin.
 */
async function runCreate(op: CreateOperation, deps: RunnerDeps): Promise<RunOutcome> {
  if (op.attempt > 1) {
    const existing = await findByCode(deps.session, op.authenticationCode);
    if (existing) return { token: existing, adopted: true };
  }
  const request: CreateTokenRequest = { authentication_code: op.authenticationCode };
  if (op.identifier !== null) request.identifier = op.identifier;
  if (op.sealedPassCode !== null) request.pass_code = await deps.unseal(op.sealedPassCode);
  if (op.participantNumber !== null) request.rewards_participant_identifier = { number: op.participantNumber };
  try {
    return { token: await deps.session.call((client, token) => client.createToken(token, request)), adopted: false };
  } catch (error) {
    if (!isCrmError(error) || error.code !== CrmCode.authenticationCodeExists) throw error;
    const existing = await findByCode(deps.session, op.authenticationCode);
    if (existing && existing.identifier === op.identifier) return { token: existing, adopted: true };
    throw error;
  }
}

/** A state change is already true when the CRM shows the target state: skip it. */
async function runSetState(op: SetStateOperation, deps: RunnerDeps): Promise<RunOutcome> {
  if (op.attempt > 1) {
    const current = await findByCode(deps.session, op.authenticationCode);
    if (current?.life_cycle_state === op.target) return { token: current, adopted: true };
  }
  try {
    const token = await deps.session.call((client, t) => client.setLifeCycleState(t, byCode(op.authenticationCode), op.target));
    return { token, adopted: false };
  } catch (error) {
    if (!isCrmError(error) || error.code !== CrmCode.invalidLifeCycleTransition) throw error;
    const current = await findByCode(deps.session, op.authenticationCode);
    if (current?.life_cycle_state === op.target) return { token: current, adopted: true };
    throw error;
  }
}

/** The token the identifier and pass code lead to, or null when they lead nowhere. */
async function findByPassCode(session: CrmSession, identifier: string, passCode: string): Promise<WireAccessToken | null> {
  try {
    return await session.call((client, token) => client.showToken(token, { identifier, pass_code: passCode }));
  } catch (error) {
    if (isCrmError(error) && error.code === CrmCode.tokenNotFound) return null;
    throw error;
  }
}

/**
 * One update call is atomic, so on a retry it landed if the token answers to
 * the new code, or to the new identifier and pass code under its code.
 */
async function earlierUpdate(op: UpdateOperation, passCode: string | undefined, deps: RunnerDeps): Promise<WireAccessToken | null> {
  if (op.newAuthenticationCode !== undefined) return findByCode(deps.session, op.newAuthenticationCode);
  if (op.identifier === undefined || passCode === undefined) return null;
  const found = await findByPassCode(deps.session, op.identifier, passCode);
  return found?.authentication_code === op.authenticationCode ? found : null;
}

async function runUpdate(op: UpdateOperation, deps: RunnerDeps): Promise<RunOutcome> {
  const passCode = op.sealedPassCode === undefined ? undefined : await deps.unseal(op.sealedPassCode);
  if (op.attempt > 1) {
    const landed = await earlierUpdate(op, passCode, deps);
    if (landed) return { token: landed, adopted: true };
  }
  const request: UpdateTokenRequest = { access_token_identifier: byCode(op.authenticationCode) };
  if (op.identifier !== undefined) request.identifier = op.identifier;
  if (passCode !== undefined) request.pass_code = passCode;
  if (op.newAuthenticationCode !== undefined) request.authentication_code = op.newAuthenticationCode;
  return { token: await deps.session.call((client, token) => client.updateToken(token, request)), adopted: false };
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
