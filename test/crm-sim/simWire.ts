import type { SimDirectory } from './simDirectory';
import type { SimUnit } from './simData';
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

export function wireToken(directory: SimDirectory, token: StoredToken): Record<string, unknown> {
  const classification = directory.classificationById(token.classification_id);
  return {
    id: token.id,
    number: token.number,
    identifier: token.identifier,
    authentication_code: token.authentication_code,
    life_cycle_state: token.life_cycle_state,
    classification: classification ? { id: classification.id, name: classification.name } : null,
    reward_participant: structuredClone(directory.participantById(token.participant_id)),
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
