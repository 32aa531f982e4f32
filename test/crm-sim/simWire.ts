import type { SimDirectory } from './simDirectory';
import type { SimUnit } from './simData';
import type { SimProfile } from './simProfile';
import type { Actor, StoredToken } from './simState';

/** How the simulated CRM writes its objects on the wire (shape of fixtures/access_tokens-show.response.json). */

function wireUser(directory: SimDirectory, actor: Actor): { id: string; username: string; person_name: string | null; email: string | null } | null {
  const user = directory.user(actor.userId);
  return user ? { id: user.id, username: user.username, person_name: user.person_name, email: user.email } : null;
}

function wireUnit(directory: SimDirectory, actor: Actor): SimUnit | null {
  const unit = directory.unit(actor.unitId);
  return unit ? { ...unit } : null;
}

/** R8+: the account at the top, the participant beside it (FIDELITY.md #6). */
function topLevelOwner(directory: SimDirectory, token: StoredToken): Record<string, unknown> {
  const participant = directory.participantById(token.participant_id);
  return {
    rewards_participant: participant ? { id: participant.id, number: participant.number } : null,
    accounts_receivable: participant ? structuredClone(participant.accounts_receivable) : null,
  };
}

/** Fields later releases add (FIDELITY.md #22), the secret verification code among them. */
function extraFields(token: StoredToken, verificationCode: string | null): Record<string, unknown> {
  return {
    verification_code: verificationCode,
    verified_date: null,
    card_masked_number: null,
    udf_string_1: null,
    udf_float_1: null,
    udf_date_1: null,
    random_pass_code: token.life_cycle_state === 'PENDING_VERIFICATION' ? 'R4ND0M' : null,
  };
}

export function wireToken(directory: SimDirectory, token: StoredToken, profile: SimProfile, verificationCode: string | null): Record<string, unknown> {
  const classification = directory.classificationById(token.classification_id);
  const owner = profile.topLevelOwner ? topLevelOwner(directory, token) : { reward_participant: structuredClone(directory.participantById(token.participant_id)) };
  return {
    id: token.id,
    number: profile.tokenNumber(token.number),
    identifier: token.identifier,
    authentication_code: token.authentication_code,
    life_cycle_state: token.life_cycle_state,
    classification: classification
      ? { id: classification.id, name: classification.name, ...(profile.extraFields ? { alternative_code: classification.alternative_code } : {}) }
      : null,
    ...owner,
    ...(profile.extraFields ? extraFields(token, verificationCode) : {}),
    log_information: {
      created_date: token.created_date,
      updated_date: token.updated_date,
      created_by_user: wireUser(directory, token.created_by),
      updated_by_user: wireUser(directory, token.updated_by),
      created_by_unit: wireUnit(directory, token.created_by),
      updated_by_unit: wireUnit(directory, token.updated_by),
    },
  };
}
