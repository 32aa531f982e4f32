import { z } from 'zod';
import { lifeCycleStateSchema } from '../token/lifeCycle';

/**
 * The wire format of CRM.COM V4 replies (FIDELITY.md wins over SPEC.md). Liberal where releases differ,
 * strict only where the app depends on a field. Unknown extra fields are kept, not rejected.
 */

const text = z.string().nullable();
/** Every `number` is an opaque string ("10", "AT0000000671", "ACR0000000069"); a bare JSON number is read as its text. */
const opaqueNumber = z.union([z.string().min(1), z.number()]).transform(String);
/** Local date-time without a zone, e.g. "2014-12-01T14:49:01". */
export const crmDateTimeSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/, 'not a CRM date-time');

export const crmStatusSchema = z.looseObject({
  code: z.string().min(1),
  message: text.optional(),
  description: text.optional(),
});
export type CrmStatus = z.infer<typeof crmStatusSchema>;

/** Every reply, errors included, is this envelope; `data` is checked separately once the status is OK. */
export const crmEnvelopeSchema = z.looseObject({
  status: crmStatusSchema,
  data: z.unknown().optional(),
});

const unitSchema = z.looseObject({
  id: z.string(),
  name: text,
  description: text.optional(),
  alternative_code: text.optional(),
  community_name: text.optional(),
  group_name: text.optional(),
});

const userSchema = z.looseObject({
  id: z.string().optional(),
  username: text.optional(),
  person_name: text.optional(),
  email: text.optional(),
});

export const logInformationSchema = z.looseObject({
  created_date: crmDateTimeSchema,
  /** Never seen null in the docs; read as the creation date when it is. */
  updated_date: crmDateTimeSchema.nullable().optional(),
  created_by_user: userSchema.nullable().optional(),
  updated_by_user: userSchema.nullable().optional(),
  created_by_unit: unitSchema.nullable().optional(),
  updated_by_unit: unitSchema.nullable().optional(),
});

const partialDateSchema = z.looseObject({
  year: z.number().int().nullable().optional(),
  month: z.number().int().nullable(),
  day: z.number().int().nullable(),
});

export const accountOwnerSchema = z.looseObject({
  id: z.string(),
  type: z.string().nullable().optional(),
  life_cycle_state: text.optional(),
  first_name: text.optional(),
  middle_name: text.optional(),
  last_name: text.optional(),
  name: text.optional(),
  title: text.optional(),
  company_name: text.optional(),
  company_profile: z.unknown().optional(),
  demographics: z
    .looseObject({
      gender: text.optional(),
      date_of_birth: partialDateSchema.nullable().optional(),
      name_day: partialDateSchema.nullable().optional(),
    })
    .nullable()
    .optional(),
});

export const accountsReceivableSchema = z.looseObject({
  id: z.string().optional(),
  number: opaqueNumber,
  name: text.optional(),
  life_cycle_state: text.optional(),
  account_owner: accountOwnerSchema.nullable().optional(),
});

export const rewardParticipantSchema = z.looseObject({
  id: z.string().optional(),
  number: opaqueNumber,
  accounts_receivable: accountsReceivableSchema.nullable().optional(),
});
export type WireRewardParticipant = z.infer<typeof rewardParticipantSchema>;
export type WireAccountsReceivable = z.infer<typeof accountsReceivableSchema>;

export const classificationSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  alternative_code: text,
  description: text,
});
export type WireClassification = z.infer<typeof classificationSchema>;

/**
 * The owner comes as `reward_participant` (R5, with its accounts receivable inside) or, from R8, as a
 * top-level `accounts_receivable` with or without `rewards_participant` (FIDELITY.md #6).
 */
const ownerFields = {
  reward_participant: rewardParticipantSchema.nullable().optional(),
  rewards_participant: rewardParticipantSchema.nullable().optional(),
  accounts_receivable: accountsReceivableSchema.nullable().optional(),
};

/** What a trimmed reply (`fields_set`) may carry: every field optional, each still checked when present. */
export const accessTokenFieldsSchema = z.looseObject({
  id: z.string().min(1).optional(),
  number: opaqueNumber.optional(),
  identifier: text.optional(),
  authentication_code: z.string().min(1).optional(),
  life_cycle_state: lifeCycleStateSchema.optional(),
  ...ownerFields,
  classification: z.looseObject({ id: z.string().optional(), name: text.optional() }).nullable().optional(),
  log_information: logInformationSchema.optional(),
});

/** A whole token: the app keys on id, number, code, state and dates. */
export const accessTokenSchema = accessTokenFieldsSchema.extend({
  id: z.string().min(1),
  number: opaqueNumber,
  identifier: text.optional().transform((v) => v ?? null),
  authentication_code: z.string().min(1),
  life_cycle_state: lifeCycleStateSchema,
  log_information: logInformationSchema,
});
export type WireAccessToken = z.infer<typeof accessTokenSchema>;

export const authenticationReplySchema = z.looseObject({ token: z.string().min(1) });

/** Identifier objects carry exactly one "semi-optional" key (documented). */
export type ParticipantIdentifier = { id: string } | { number: string };
export type AccessTokenIdentifier = { authentication_code: string } | { identifier: string; pass_code: string };

/** Secrets some releases put in replies (FIDELITY.md #6, #22, #28): dropped at the edge, before anything else reads the reply. */
export const REPLY_SECRETS: ReadonlySet<string> = new Set(['pass_code', 'verification_code', 'random_pass_code', 'one_time_password']);

/** A deep copy of a parsed JSON value without any key in REPLY_SECRETS. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !REPLY_SECRETS.has(key)).map(([key, inner]) => [key, withoutSecrets(inner)]));
}
