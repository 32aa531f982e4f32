import { randomBytes, randomFillSync } from 'node:crypto';
import { CrmCode } from '../../shared/crm/statusCodes';
import type { AccessTokenIdentifier } from '../../shared/crm/wire';
import type { TokenFields } from '../../shared/token/definition';
import { generateFieldValue, type RandomSource } from '../../shared/token/generate';
import { checkTransition, checkVerify, INITIAL_LIFE_CYCLE_STATE, type LifeCycleState, type SwitchTarget } from '../../shared/token/lifeCycle';
import { nextCrmDate } from './simClock';
import type { SimClassification, SimData, SimParticipant, SimTokenSeed } from './simData';
import { SimDirectory } from './simDirectory';
import { fail } from './simErrors';
import {
  changedFields,
  enforceDefinition,
  judgedFields,
  requireCreateFields,
  requireUpdateFields,
  sameFields,
  type TokenChanges,
} from './simTokenRules';

/** A token as the simulated CRM holds it (pass_code included; replies never show it). */
export interface SimTokenRecord {
  id: string;
  number: string;
  identifier: string | null;
  pass_code: string | null;
  authentication_code: string;
  life_cycle_state: LifeCycleState;
  participant_id: string | null;
  classification_id: string | null;
  created_date: string;
  updated_date: string;
}

/** The logged-in user and unit a change is made by. */
export interface Actor {
  userId: string;
  unitId: string | null;
}

export interface StoredToken extends SimTokenRecord {
  created_by: Actor;
  updated_by: Actor;
}

export interface NewToken {
  identifier: string | null;
  passCode: string | null;
  /** null = generated with the definition's authentication code rule. */
  authenticationCode: string | null;
  participant: SimParticipant | null;
  classification: SimClassification | null;
}

export type { TokenChanges } from './simTokenRules';

const fieldsOf = (token: SimTokenRecord): TokenFields => ({
  identifier: token.identifier,
  passCode: token.pass_code,
  authenticationCode: token.authentication_code,
});

/** A copy of the token without who made it. */
export function recordOf(token: StoredToken): SimTokenRecord {
  const record: SimTokenRecord & Partial<Pick<StoredToken, 'created_by' | 'updated_by'>> = { ...token };
  delete record.created_by;
  delete record.updated_by;
  return record;
}

/** What the control endpoint may show: the pass code is left out. */
export function withoutPassCode(token: SimTokenRecord): Omit<SimTokenRecord, 'pass_code'> {
  const shown: Omit<SimTokenRecord, 'pass_code'> & Partial<Pick<SimTokenRecord, 'pass_code'>> = { ...token };
  delete shown.pass_code;
  return shown;
}

/** The in-memory CRM: access tokens and the business rules on them. No HTTP here. */
export class SimState {
  readonly directory: SimDirectory;
  private readonly tokens: StoredToken[];
  private lastNumber: number;
  /** The code each pending-verification token waits for (sent to the customer, never in a reply). */
  private readonly verificationCodes = new Map<string, string>();

  constructor(data: SimData, private readonly random: RandomSource = (buffer) => randomFillSync(buffer)) {
    this.directory = new SimDirectory(data);
    this.tokens = data.tokens.map((seed) => this.fromSeed(seed));
    this.lastNumber = Math.max(0, ...this.tokens.map((t) => Number(t.number)));
  }

  records(): SimTokenRecord[] {
    return this.tokens.map(recordOf);
  }

  find(ref: AccessTokenIdentifier): StoredToken {
    if ('authentication_code' in ref) {
      const found = this.tokens.find((t) => t.authentication_code === ref.authentication_code);
      return found ?? fail(CrmCode.tokenNotFound, `No access token has authentication code ${ref.authentication_code}.`);
    }
    const found = this.tokens.find((t) => t.identifier === ref.identifier && t.pass_code === ref.pass_code);
    return found ?? fail(CrmCode.tokenNotFound, 'The identifier and pass code do not match any access token.');
  }

  create(actor: Actor, input: NewToken, seeding = false): StoredToken {
    const definition = this.directory.definition;
    if (!seeding) requireCreateFields(definition, input);
    const fields = { identifier: input.identifier, passCode: input.passCode, authenticationCode: input.authenticationCode ?? this.newCode() };
    if (!seeding) enforceDefinition(definition, fields);
    this.ensureUnique(fields, null);
    if (input.participant) this.ensureRoomFor(input.participant);
    const now = nextCrmDate(null);
    const token: StoredToken = {
      id: randomBytes(16).toString('hex').toUpperCase(),
      number: String((this.lastNumber += 1)),
      identifier: fields.identifier,
      pass_code: fields.passCode,
      authentication_code: fields.authenticationCode,
      life_cycle_state: INITIAL_LIFE_CYCLE_STATE,
      participant_id: input.participant?.id ?? null,
      classification_id: input.classification?.id ?? null,
      created_date: now,
      updated_date: now,
      created_by: actor,
      updated_by: actor,
    };
    this.tokens.push(token);
    return token;
  }

  update(actor: Actor, token: StoredToken, changes: TokenChanges): StoredToken {
    requireUpdateFields(changes);
    const before = fieldsOf(token);
    const after = changedFields(before, changes, () => this.newCode());
    if (sameFields(before, after)) fail(CrmCode.nothingToAmend, 'Nothing to amend: the values given are the current ones.');
    enforceDefinition(this.directory.definition, after, judgedFields(before, after));
    this.ensureUnique(after, token);
    token.identifier = after.identifier;
    token.pass_code = after.passCode;
    token.authentication_code = after.authenticationCode;
    this.touch(actor, token);
    return token;
  }

  /** Tokens made pending verification, as an R9+ definition does; `participant` null puts them in the stock. */
  addPending(actor: Actor, count: number, participant: SimParticipant | null): StoredToken[] {
    return Array.from({ length: count }, () => {
      const token = this.create(actor, { identifier: null, passCode: null, authenticationCode: null, participant, classification: null }, true);
      token.life_cycle_state = 'PENDING_VERIFICATION';
      this.verificationCodes.set(token.id, String(100_000 + (randomBytes(4).readUInt32BE() % 900_000)));
      return token;
    });
  }

  verificationCodeOf(token: SimTokenRecord): string | null {
    return this.verificationCodes.get(token.id) ?? null;
  }

  /** access_tokens/verify: only a pending token, only with its code. */
  verify(actor: Actor, token: StoredToken, code: string): StoredToken {
    const check = checkVerify(token.life_cycle_state);
    if (!check.ok) fail(CrmCode.invalidLifeCycleTransition, check.reason);
    if (this.verificationCodes.get(token.id) !== code) fail(CrmCode.invalidValue, 'The verification code is wrong.');
    this.verificationCodes.delete(token.id);
    token.life_cycle_state = 'EFFECTIVE';
    this.touch(actor, token);
    return token;
  }

  setLifeCycleState(actor: Actor, token: StoredToken, to: SwitchTarget): StoredToken {
    const check = checkTransition(token.life_cycle_state, to);
    if (!check.ok) fail(CrmCode.invalidLifeCycleTransition, check.reason);
    token.life_cycle_state = to;
    this.touch(actor, token);
    return token;
  }

  /** Card stock: tokens linked to no participant, oldest first. */
  notAssociated(count: number, state: LifeCycleState | undefined): StoredToken[] {
    return this.tokens
      .filter((t) => t.participant_id === null && (state === undefined || t.life_cycle_state === state))
      .slice(0, count);
  }

  ofParticipant(participantId: string, classificationId: string | null): StoredToken[] {
    return this.tokens.filter(
      (t) => t.participant_id === participantId && (classificationId === null || t.classification_id === classificationId),
    );
  }

  private touch(actor: Actor, token: StoredToken): void {
    token.updated_date = nextCrmDate(token.updated_date);
    token.updated_by = actor;
  }

  private newCode(): string {
    for (;;) {
      const code = generateFieldValue(this.directory.definition.authenticationCode, this.random);
      if (!this.tokens.some((t) => t.authentication_code === code)) return code;
    }
  }

  private ensureUnique(fields: TokenFields, self: StoredToken | null): void {
    const others = this.tokens.filter((t) => t !== self);
    if (fields.identifier !== null && others.some((t) => t.identifier === fields.identifier)) {
      fail(CrmCode.identifierExists, `Another access token already has the identifier ${fields.identifier}.`);
    }
    if (others.some((t) => t.authentication_code === fields.authenticationCode)) {
      fail(CrmCode.authenticationCodeExists, `Another access token already has the authentication code ${fields.authenticationCode}.`);
    }
  }

  private ensureRoomFor(participant: SimParticipant): void {
    const max = this.directory.definition.maxTokensPerOwner;
    if (max !== null && this.ofParticipant(participant.id, null).length >= max) {
      fail(CrmCode.definitionViolated, `Rewards participant ${participant.number} already has the maximum of ${max} access tokens.`);
    }
  }

  private fromSeed(seed: SimTokenSeed): StoredToken {
    const { created_by_user_id, ...record } = seed;
    const user = created_by_user_id ? this.directory.user(created_by_user_id) : this.directory.firstUser;
    const actor: Actor = { userId: user?.id ?? this.directory.firstUser.id, unitId: user?.unit_ids[0] ?? null };
    return { ...record, created_by: actor, updated_by: actor };
  }
}
