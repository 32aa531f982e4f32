import { CrmCode } from '../../shared/crm/statusCodes';
import type { AccessTokenIdentifier } from '../../shared/crm/wire';
import { fail } from './simErrors';
import { isPlainObject, type Params } from './simParams';

/** Identifier objects carry exactly one "semi-optional" key (SPEC.md). */
export interface KeyedIdentifier<K extends string> {
  key: K;
  value: string;
}

export const PARTICIPANT_KEYS = ['id', 'number'] as const;
export const ACCOUNT_KEYS = ['id', 'number'] as const;
/** Assumed (not published): a classification is named by its id or its name. */
export const CLASSIFICATION_KEYS = ['id', 'name'] as const;

export type ParticipantKey = (typeof PARTICIPANT_KEYS)[number];
export type AccountKey = (typeof ACCOUNT_KEYS)[number];
export type ClassificationKey = (typeof CLASSIFICATION_KEYS)[number];

function keyValue(name: string, field: string, value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value !== '') return value;
  return fail(CrmCode.invalidIdentifier, `${name}.${field} must be a non-empty value.`);
}

/** undefined when left out; otherwise exactly one of `keys`, or an invalid-identifier error. */
export function readIdentifier<K extends string>(params: Params, name: string, keys: readonly K[]): KeyedIdentifier<K> | undefined {
  const raw = params[name];
  if (raw === undefined || raw === null) return undefined;
  const allowed = keys.join(' or ');
  if (!isPlainObject(raw)) return fail(CrmCode.invalidIdentifier, `${name} must be an object with exactly one of ${allowed}.`);
  const entries = Object.entries(raw);
  const [first] = entries;
  if (entries.length !== 1 || first === undefined) {
    return fail(CrmCode.invalidIdentifier, `${name} must have exactly one of ${allowed}; it has ${entries.length} key(s).`);
  }
  const [field, value] = first;
  const key = keys.find((k) => k === field);
  if (key === undefined) return fail(CrmCode.invalidIdentifier, `${name} cannot be given by ${field}; use ${allowed}.`);
  return { key, value: keyValue(name, field, value) };
}

const TOKEN_IDENTIFIER = 'access_token_identifier';

/** Exactly `{authentication_code}` or exactly `{identifier, pass_code}`; `id` and `number` are not accepted. */
export function readAccessTokenIdentifier(params: Params): AccessTokenIdentifier {
  const raw = params[TOKEN_IDENTIFIER];
  if (raw === undefined || raw === null) return fail(CrmCode.mandatoryFieldMissing, `${TOKEN_IDENTIFIER} is mandatory.`);
  if (!isPlainObject(raw)) return fail(CrmCode.invalidIdentifier, `${TOKEN_IDENTIFIER} must be an object.`);
  const keys = Object.keys(raw).sort().join(',');
  if (keys === 'authentication_code') {
    return { authentication_code: keyValue(TOKEN_IDENTIFIER, 'authentication_code', raw.authentication_code) };
  }
  if (keys === 'identifier,pass_code') {
    return {
      identifier: keyValue(TOKEN_IDENTIFIER, 'identifier', raw.identifier),
      pass_code: keyValue(TOKEN_IDENTIFIER, 'pass_code', raw.pass_code),
    };
  }
  return fail(
    CrmCode.invalidIdentifier,
    `${TOKEN_IDENTIFIER} must be exactly {authentication_code} or exactly {identifier, pass_code}; got {${keys}}.`,
  );
}
