import { z } from 'zod';
import { lifeCycleStateSchema } from '../token/lifeCycle';

/** The wire format of CRM.COM V4 replies (SPEC.md). Unknown extra fields are kept, not rejected. */

const text = z.string().nullable();
/** Local date-time without a zone, e.g. "2014-12-01T14:49:01". */
export const crmDateTimeSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/, 'not a CRM date-time');

export const crmStatusSchema = z.looseObject({
  code: z.string().min(1),
  message: text,
  description: text,
});
export type CrmStatus = z.infer<typeof crmStatusSchema>;

/** Every reply, errors included, is this envelope; `data` is checked separately once the status is OK. */
export const crmEnvelopeSchema = z.looseObject({
  status: crmStatusSchema,
  data: z.unknown(),
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
  id: z.string(),
  username: z.string(),
  person_name: text.optional(),
  email: text.optional(),
});

export const logInformationSchema = z.looseObject({
  created_date: crmDateTimeSchema,
  updated_date: crmDateTimeSchema,
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
  id: z.string(),
  number: z.string(),
  name: text.optional(),
  life_cycle_state: text.optional(),
  account_owner: accountOwnerSchema.nullable().optional(),
});

export const rewardParticipantSchema = z.looseObject({
  id: z.string(),
  number: z.string(),
  accounts_receivable: accountsReceivableSchema.nullable().optional(),
});
export type WireRewardParticipant = z.infer<typeof rewardParticipantSchema>;

export const classificationSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  alternative_code: text,
  description: text,
});
export type WireClassification = z.infer<typeof classificationSchema>;

export const accessTokenSchema = z.looseObject({
  id: z.string().min(1),
  number: z.string().regex(/^\d+$/, 'a token number is numeric'),
  identifier: text,
  authentication_code: z.string().min(1),
  life_cycle_state: lifeCycleStateSchema,
  reward_participant: rewardParticipantSchema.nullable().optional(),
  classification: z.looseObject({ id: z.string(), name: z.string() }).nullable().optional(),
  log_information: logInformationSchema,
});
export type WireAccessToken = z.infer<typeof accessTokenSchema>;

export const authenticationReplySchema = z.looseObject({ token: z.string().min(1) });

/** Identifier objects carry exactly one "semi-optional" key (documented). */
export type ParticipantIdentifier = { id: string } | { number: string };
export type AccessTokenIdentifier = { authentication_code: string } | { identifier: string; pass_code: string };
