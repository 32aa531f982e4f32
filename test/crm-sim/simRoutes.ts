import { CrmCode } from '../../shared/crm/statusCodes';
import type { SwitchTarget } from '../../shared/token/lifeCycle';
import type { SimClassification, SimParticipant } from './simData';
import { fail } from './simErrors';
import {
  ACCOUNT_KEYS,
  CLASSIFICATION_KEYS,
  PARTICIPANT_KEYS,
  readAccessTokenIdentifier,
  readIdentifier,
} from './simIdentifiers';
import {
  fieldsSet,
  optionalLifeCycleState,
  optionalText,
  optionalWholeNumber,
  pickFields,
  requiredCount,
  requiredText,
  type Params,
} from './simParams';
import type { SimDialectName, SimProfile } from './simProfile';
import type { Session, SessionStore } from './simSessions';
import type { Actor, SimState, StoredToken } from './simState';
import { wireToken } from './simWire';

/** The simulated CRM behind the HTTP layer. */
export interface Crm {
  state: SimState;
  sessions: SessionStore;
  profile: SimProfile;
  dialect: SimDialectName;
  /** The methods this release has. */
  routes: ReadonlyMap<string, Route>;
  /** A definition that makes its own authentication codes: a supplied one is ignored (FIDELITY.md #9). */
  generatesCodes: boolean;
}

export type Verb = 'GET' | 'POST';

/** A call made with a valid session token. */
export interface Call {
  params: Params;
  crm: Crm;
  session: Session;
  token: string;
}

export type Route =
  | { verbs: readonly Verb[]; open: true; handle: (params: Params, crm: Crm) => unknown }
  | { verbs: readonly Verb[]; open: false; handle: (call: Call) => unknown };

const actorOf = (session: Session): Actor => ({ userId: session.user.id, unitId: session.unit?.id ?? null });

function onWire(crm: Crm, token: StoredToken): Record<string, unknown> {
  return wireToken(crm.state.directory, token, crm.profile, crm.state.verificationCodeOf(token));
}

function tokenReply(call: Call, token: StoredToken): unknown {
  return pickFields(onWire(call.crm, token), fieldsSet(call.params));
}

function tokensReply(call: Call, tokens: StoredToken[]): unknown[] {
  const wanted = fieldsSet(call.params);
  return tokens.map((token) => pickFields(onWire(call.crm, token), wanted));
}

const PARTICIPANT_PARAM = 'rewards_participant_identifier';
const ACCOUNT_PARAM = 'accounts_receivable_identifier';

/** The participant named by a participant or accounts receivable identifier (both must agree when both are given). */
function ownerOf(call: Call): SimParticipant | null {
  const directory = call.crm.state.directory;
  const byParticipant = readIdentifier(call.params, PARTICIPANT_PARAM, PARTICIPANT_KEYS);
  const byAccount = readIdentifier(call.params, ACCOUNT_PARAM, ACCOUNT_KEYS);
  const participant = byParticipant ? directory.participant(byParticipant) : null;
  const account = byAccount ? directory.participantOfAccount(byAccount) : null;
  if (participant && account && participant !== account) {
    fail(CrmCode.invalidValue, `The accounts receivable does not belong to rewards participant ${participant.number}.`);
  }
  return participant ?? account;
}

function classificationOf(call: Call): SimClassification | null {
  const ref = readIdentifier(call.params, 'classification_identifier', CLASSIFICATION_KEYS);
  return ref ? call.crm.state.directory.classification(ref) : null;
}

function login(params: Params, crm: Crm): { token: string } {
  const unit = optionalText(params, 'unit');
  const token = crm.sessions.login({
    username: requiredText(params, 'username'),
    password: requiredText(params, 'password'),
    organisation: requiredText(params, 'organisation'),
    unit: unit === null || unit === '' ? undefined : unit,
  });
  return { token };
}

function release(call: Call): null {
  call.crm.sessions.release(call.token);
  return null;
}

function list(call: Call): unknown[] {
  const given = [PARTICIPANT_PARAM, ACCOUNT_PARAM].filter((name) => call.params[name] !== undefined);
  if (given.length === 0) fail(CrmCode.mandatoryFieldMissing, `One of ${PARTICIPANT_PARAM} or ${ACCOUNT_PARAM} is mandatory.`);
  if (given.length > 1) fail(CrmCode.invalidIdentifier, `Give exactly one of ${PARTICIPANT_PARAM} or ${ACCOUNT_PARAM}.`);
  const owner = ownerOf(call);
  const classification = classificationOf(call);
  const offset = optionalWholeNumber(call.params, 'offset', 0) ?? 0;
  const limit = optionalWholeNumber(call.params, 'number_of_results', 1);
  const tokens = owner ? call.crm.state.ofParticipant(owner.id, classification?.id ?? null) : [];
  return tokensReply(call, tokens.slice(offset, limit === undefined ? undefined : offset + limit));
}

function create(call: Call): unknown {
  const token = call.crm.state.create(actorOf(call.session), {
    identifier: optionalText(call.params, 'identifier') ?? null,
    passCode: optionalText(call.params, 'pass_code') ?? null,
    authenticationCode: call.crm.generatesCodes ? null : (optionalText(call.params, 'authentication_code') ?? null),
    participant: ownerOf(call),
    classification: classificationOf(call),
  });
  return tokenReply(call, token);
}

function update(call: Call): unknown {
  const token = call.crm.state.find(readAccessTokenIdentifier(call.params));
  const changed = call.crm.state.update(actorOf(call.session), token, {
    identifier: optionalText(call.params, 'identifier'),
    passCode: optionalText(call.params, 'pass_code'),
    authenticationCode: optionalText(call.params, 'authentication_code'),
  });
  return tokenReply(call, changed);
}

function verify(call: Call): unknown {
  const token = call.crm.state.find(readAccessTokenIdentifier(call.params));
  return tokenReply(call, call.crm.state.verify(actorOf(call.session), token, requiredText(call.params, 'verification_code')));
}

function setState(to: SwitchTarget): (call: Call) => unknown {
  return (call) => {
    const token = call.crm.state.find(readAccessTokenIdentifier(call.params));
    return tokenReply(call, call.crm.state.setLifeCycleState(actorOf(call.session), token, to));
  };
}

function participantShow(call: Call): unknown {
  const ref = readIdentifier(call.params, PARTICIPANT_PARAM, PARTICIPANT_KEYS);
  if (!ref) return fail(CrmCode.mandatoryFieldMissing, `${PARTICIPANT_PARAM} is mandatory.`);
  return pickFields(structuredClone(call.crm.state.directory.participant(ref)), fieldsSet(call.params));
}

/** Every method the simulator knows, by its path after `/crmapi/rest/v2/`. */
const ROUTES: ReadonlyMap<string, Route> = new Map<string, Route>([
  ['authentication/token', { verbs: ['POST'], open: true, handle: login }],
  ['authentication/token/release', { verbs: ['POST'], open: false, handle: release }],
  ['access_tokens/show', { verbs: ['POST'], open: false, handle: (call) => tokenReply(call, call.crm.state.find(readAccessTokenIdentifier(call.params))) }],
  [
    'access_tokens/get_not_associated',
    {
      verbs: ['GET'],
      open: false,
      handle: (call) => {
        const count = requiredCount(call.params, 'number');
        return tokensReply(call, call.crm.state.notAssociated(count, optionalLifeCycleState(call.params, 'life_cycle_state')));
      },
    },
  ],
  ['access_tokens/list', { verbs: ['GET'], open: false, handle: list }],
  ['access_tokens/create', { verbs: ['POST'], open: false, handle: create }],
  ['access_tokens/update', { verbs: ['POST'], open: false, handle: update }],
  ['access_tokens/set_as_effective', { verbs: ['POST'], open: false, handle: setState('EFFECTIVE') }],
  ['access_tokens/set_as_not_effective', { verbs: ['POST'], open: false, handle: setState('NOT_EFFECTIVE') }],
  ['access_tokens/configuration/classifications/list', { verbs: ['GET'], open: false, handle: (call) => call.crm.state.directory.classifications.map((c) => ({ ...c })) }],
  ['access_tokens/verify', { verbs: ['POST'], open: false, handle: verify }],
  ['rewards_participants/show', { verbs: ['GET', 'POST'], open: false, handle: participantShow }],
]);

/** The methods a release has: r5 has no verify (R9+), and `missing` takes more away (e.g. set_as_* before R13.1). */
export function routesFor(profile: SimProfile, missing: readonly string[] = []): ReadonlyMap<string, Route> {
  const routes = new Map(ROUTES);
  if (!profile.pendingTokens) routes.delete('access_tokens/verify');
  const show = routes.get('rewards_participants/show');
  if (show) routes.set('rewards_participants/show', { ...show, verbs: profile.participantShowVerbs });
  for (const method of missing) routes.delete(method);
  return routes;
}
