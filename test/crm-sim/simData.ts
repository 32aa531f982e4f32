import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { crmDateTimeSchema } from '../../shared/crm/wire';
import { accessTokenDefinitionSchema } from '../../shared/token/definition';
import { lifeCycleStateSchema } from '../../shared/token/lifeCycle';

/** The simulator's data file: who may log in, the active definition, and what the CRM holds at start. */

const text = z.string().nullable().default(null);
const id = z.string().min(1);

const unitSchema = z.object({
  id,
  name: z.string().min(1),
  description: text,
  alternative_code: text,
  community_name: text,
  group_name: text,
});
export type SimUnit = z.infer<typeof unitSchema>;

const userSchema = z.object({
  id,
  username: z.string().min(1),
  password: z.string().min(1),
  organisation: z.string().min(1),
  person_name: text,
  email: text,
  /** Units the user may log in to; the first is used when the login names none. */
  unit_ids: z.array(id).default([]),
});
export type SimUser = z.infer<typeof userSchema>;

const classificationSchema = z.object({ id, name: z.string().min(1), alternative_code: text, description: text });
export type SimClassification = z.infer<typeof classificationSchema>;

const partialDate = z.object({ year: z.number().int().nullable().default(null), month: z.number().int().nullable().default(null), day: z.number().int().nullable().default(null) });
const nameDay = z.object({ month: z.number().int().nullable().default(null), day: z.number().int().nullable().default(null) });

const demographicsSchema = z.object({
  gender: text,
  passport_issued_by_country: text,
  passport_number: text,
  social_security_number: text,
  country_of_residence: text,
  industry_sector: text,
  date_of_birth: partialDate.prefault({}),
  name_day: nameDay.prefault({}),
  id_number: text,
  id_issued_by_country: text,
  industry: text,
});

const accountOwnerSchema = z.object({
  id,
  type: z.enum(['PERSON', 'COMPANY']),
  life_cycle_state: text,
  first_name: text,
  middle_name: text,
  last_name: text,
  name: text,
  title: text,
  company_name: text,
  company_profile: z.null().default(null),
  demographics: demographicsSchema.prefault({}),
});

const accountsReceivableSchema = z.object({
  id,
  number: z.string().min(1),
  name: text,
  life_cycle_state: text,
  account_owner: accountOwnerSchema,
});

const participantSchema = z.object({
  id,
  number: z.string().regex(/^\d+$/, 'a participant number is numeric'),
  accounts_receivable: accountsReceivableSchema,
});
export type SimParticipant = z.infer<typeof participantSchema>;
export type SimAccountsReceivable = SimParticipant['accounts_receivable'];

const tokenSchema = z.object({
  id: z.string().regex(/^[0-9A-F]{32}$/, 'a token id is 32 upper-case hex digits'),
  number: z.string().regex(/^[1-9]\d*$/, 'a token number is a positive integer'),
  identifier: z.string().min(1).nullable(),
  pass_code: z.string().min(1).nullable(),
  authentication_code: z.string().min(1),
  life_cycle_state: lifeCycleStateSchema,
  participant_id: id.nullable(),
  classification_id: id.nullable(),
  created_date: crmDateTimeSchema,
  updated_date: crmDateTimeSchema,
  /** Who made it; the first user when absent. */
  created_by_user_id: id.optional(),
});
export type SimTokenSeed = z.infer<typeof tokenSchema>;

const simDataShape = z.object({
  units: z.array(unitSchema),
  users: z.array(userSchema).min(1),
  definition: accessTokenDefinitionSchema,
  classifications: z.array(classificationSchema),
  participants: z.array(participantSchema),
  tokens: z.array(tokenSchema),
});
export type SimData = z.infer<typeof simDataShape>;
export type SimDataInput = z.input<typeof simDataShape>;

function duplicatesOf(label: string, values: ReadonlyArray<string | null>): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const value of values) {
    if (value === null) continue;
    if (seen.has(value)) problems.push(`${label} "${value}" appears more than once`);
    seen.add(value);
  }
  return problems;
}

function missingReferences(label: string, wanted: ReadonlyArray<string | null | undefined>, known: ReadonlyArray<string>): string[] {
  const knownSet = new Set(known);
  return wanted.filter((ref): ref is string => typeof ref === 'string' && !knownSet.has(ref)).map((ref) => `${label} "${ref}" does not exist`);
}

function dataInconsistencies(data: SimData): string[] {
  const { units, users, classifications, participants, tokens } = data;
  return [
    ...duplicatesOf('unit id', units.map((u) => u.id)),
    ...duplicatesOf('username', users.map((u) => u.username)),
    ...duplicatesOf('classification name', classifications.map((c) => c.name)),
    ...duplicatesOf('participant number', participants.map((p) => p.number)),
    ...duplicatesOf('accounts receivable number', participants.map((p) => p.accounts_receivable.number)),
    ...duplicatesOf('token id', tokens.map((t) => t.id)),
    ...duplicatesOf('token number', tokens.map((t) => t.number)),
    ...duplicatesOf('token identifier', tokens.map((t) => t.identifier)),
    ...duplicatesOf('authentication code', tokens.map((t) => t.authentication_code)),
    ...missingReferences('unit', users.flatMap((u) => u.unit_ids), units.map((u) => u.id)),
    ...missingReferences('participant', tokens.map((t) => t.participant_id), participants.map((p) => p.id)),
    ...missingReferences('classification', tokens.map((t) => t.classification_id), classifications.map((c) => c.id)),
    ...missingReferences('user', tokens.map((t) => t.created_by_user_id), users.map((u) => u.id)),
    ...tokens.filter((t) => (t.identifier === null) !== (t.pass_code === null)).map((t) => `token ${t.number} needs both identifier and pass_code, or neither`),
  ];
}

export const simDataSchema = simDataShape.superRefine((data, ctx) => {
  for (const message of dataInconsistencies(data)) ctx.addIssue({ code: 'custom', message });
});

/** Parses data from any source; throws one readable error listing every problem. */
export function parseSimData(raw: unknown, source = 'simulator data'): SimData {
  const parsed = simDataSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new Error(`Invalid ${source}:\n${z.prettifyError(parsed.error)}`);
}

export function loadSimData(path: string): SimData {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read simulator data ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return parseSimData(raw, `simulator data ${path}`);
}

export const DEMO_DATA_PATH = fileURLToPath(new URL('./demo-data.json', import.meta.url));

export function loadDemoData(): SimData {
  return loadSimData(DEMO_DATA_PATH);
}
