import { z } from 'zod';
import { lifeCycleStateSchema } from './lifeCycle';
import type { WireAccessToken, WireAccountsReceivable, WireRewardParticipant } from '../crm/wire';

/**
 * What the CRM said about a token's owner, flattened for the counter. `number` is the rewards
 * participant's; null when the token belongs to an accounts receivable alone (R8+).
 */
export const participantSummarySchema = z.object({
  id: z.string(),
  number: z.string().nullable(),
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

function ownerName(account: WireAccountsReceivable | null): string | null {
  const owner = account?.account_owner;
  if (!owner) return null;
  if (owner.first_name) return [owner.first_name, owner.last_name].filter((p): p is string => Boolean(p)).join(' ');
  return owner.name || owner.company_name || owner.last_name || null;
}

/** The owner from either documented shape: a participant (with or without its account inside) and/or a top-level account. */
export function toOwnerSummary(participant: WireRewardParticipant | null, topAccount: WireAccountsReceivable | null): ParticipantSummary | null {
  const account = topAccount ?? participant?.accounts_receivable ?? null;
  if (!participant && !account) return null;
  return {
    id: participant?.id ?? account?.id ?? participant?.number ?? account?.number ?? '',
    number: participant?.number ?? null,
    accountNumber: account?.number ?? null,
    accountName: account?.name ?? null,
    ownerName: ownerName(account),
  };
}

export function toParticipantSummary(participant: WireRewardParticipant): ParticipantSummary {
  return toOwnerSummary(participant, null) as ParticipantSummary;
}

export function toServerToken(wire: WireAccessToken): ServerToken {
  const log = wire.log_information;
  return {
    id: wire.id,
    number: wire.number,
    identifier: wire.identifier,
    authenticationCode: wire.authentication_code,
    lifeCycleState: wire.life_cycle_state,
    participant: toOwnerSummary(wire.rewards_participant ?? wire.reward_participant ?? null, wire.accounts_receivable ?? null),
    classificationName: wire.classification?.name ?? null,
    createdDate: log.created_date,
    updatedDate: log.updated_date ?? log.created_date,
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
