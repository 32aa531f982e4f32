import { z } from 'zod';
import { lifeCycleStateSchema } from './lifeCycle';
import type { WireAccessToken, WireRewardParticipant } from '../crm/wire';

/** What the CRM said about a participant, flattened for the counter. */
export const participantSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  accountNumber: z.string().nullable(),
  accountName: z.string().nullable(),
  ownerName: z.string().nullable(),
});
export type ParticipantSummary = z.infer<typeof participantSummarySchema>;

/** A token as the CRM holds it, in the app's own terms. */
export const serverTokenSchema = z.object({
  id: z.string(),
  number: z.string(),
  identifier: z.string().nullable(),
  authenticationCode: z.string(),
  lifeCycleState: lifeCycleStateSchema,
  participant: participantSummarySchema.nullable(),
  classificationName: z.string().nullable(),
  createdDate: z.string(),
  updatedDate: z.string(),
  createdBy: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type ServerToken = z.infer<typeof serverTokenSchema>;

function ownerName(participant: WireRewardParticipant): string | null {
  const owner = participant.accounts_receivable?.account_owner;
  if (!owner) return null;
  const parts = [owner.first_name, owner.last_name].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join(' ') : (owner.company_name ?? owner.name ?? null);
}

export function toParticipantSummary(participant: WireRewardParticipant): ParticipantSummary {
  const account = participant.accounts_receivable ?? null;
  return {
    id: participant.id,
    number: participant.number,
    accountNumber: account?.number ?? null,
    accountName: account?.name ?? null,
    ownerName: ownerName(participant),
  };
}

export function toServerToken(wire: WireAccessToken): ServerToken {
  const log = wire.log_information;
  return {
    id: wire.id,
    number: wire.number,
    identifier: wire.identifier,
    authenticationCode: wire.authentication_code,
    lifeCycleState: wire.life_cycle_state,
    participant: wire.reward_participant ? toParticipantSummary(wire.reward_participant) : null,
    classificationName: wire.classification?.name ?? null,
    createdDate: log.created_date,
    updatedDate: log.updated_date,
    createdBy: log.created_by_user?.username ?? null,
    updatedBy: log.updated_by_user?.username ?? null,
  };
}

/** The longest values taken from the CRM: what this app's own requests accept for codes and numbers. */
const LIMITS = { authenticationCode: 128, identifier: 128, number: 64, text: 500 } as const;

/** Why a token from the CRM is too big to keep (a 3,000-character code, say), or null when it fits. */
export function oversizedField(token: ServerToken): string | null {
  const checks: Array<[string, string | null | undefined, number]> = [
    ['authentication code', token.authenticationCode, LIMITS.authenticationCode],
    ['identifier', token.identifier, LIMITS.identifier],
    ['number', token.number, LIMITS.number],
    ['classification', token.classificationName, LIMITS.text],
    ['participant number', token.participant?.number, LIMITS.number],
    ['owner name', token.participant?.ownerName, LIMITS.text],
  ];
  for (const [field, value, max] of checks) {
    if (value && value.length > max) return `${field} is ${value.length} characters long (at most ${max} are kept)`;
  }
  return null;
}
