import { CrmCode } from '../../shared/crm/statusCodes';
import { lifeCycleStateSchema, type LifeCycleState } from '../../shared/token/lifeCycle';
import { fail } from './simErrors';

/** A call's parameters: the JSON body of a POST, or the query of a GET (identifiers already made objects). */
export type Params = Readonly<Record<string, unknown>>;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const IDENTIFIER_SUFFIX = '_identifier';

/**
 * Query parameters as Params. A nested identifier is written `param=field=value`; repeating the
 * parameter adds keys (so `id=..` twice is caught later as "not exactly one key").
 */
export function queryParams(search: URLSearchParams): Params {
  const params: Record<string, unknown> = {};
  for (const name of new Set(search.keys())) {
    const values = search.getAll(name);
    if (name.endsWith(IDENTIFIER_SUFFIX)) params[name] = identifierFromQuery(name, values);
    else if (values.length > 1) fail(CrmCode.invalidRequest, `The parameter ${name} is given more than once.`);
    else params[name] = values[0];
  }
  return params;
}

function identifierFromQuery(name: string, values: string[]): Record<string, string> | string {
  const identifier: Record<string, string> = {};
  for (const value of values) {
    const split = value.indexOf('=');
    if (split <= 0) return value;
    const field = value.slice(0, split);
    if (field in identifier) fail(CrmCode.invalidIdentifier, `${name} names ${field} more than once.`);
    identifier[field] = value.slice(split + 1);
  }
  return identifier;
}

const isAbsent = (value: unknown): value is null | undefined => value === undefined || value === null;

/** undefined = left out, null = given as null; anything but a string is refused. */
export function optionalText(params: Params, name: string): string | null | undefined {
  const value = params[name];
  if (value === undefined || value === null || typeof value === 'string') return value;
  return fail(CrmCode.invalidValue, `${name} must be a string.`);
}

export function requiredText(params: Params, name: string): string {
  const value = optionalText(params, name);
  if (isAbsent(value) || value === '') return fail(CrmCode.mandatoryFieldMissing, `${name} is mandatory.`);
  return value;
}

function wholeNumber(name: string, value: unknown, min: number): number {
  const parsed = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min) {
    return fail(CrmCode.invalidValue, `${name} must be a whole number of at least ${min}.`);
  }
  return parsed;
}

export function requiredCount(params: Params, name: string): number {
  const value = params[name];
  if (isAbsent(value) || value === '') return fail(CrmCode.mandatoryFieldMissing, `${name} is mandatory.`);
  return wholeNumber(name, value, 1);
}

export function optionalWholeNumber(params: Params, name: string, min: number): number | undefined {
  const value = params[name];
  return isAbsent(value) ? undefined : wholeNumber(name, value, min);
}

export function optionalLifeCycleState(params: Params, name: string): LifeCycleState | undefined {
  const value = params[name];
  if (isAbsent(value)) return undefined;
  const parsed = lifeCycleStateSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  return fail(CrmCode.invalidValue, `${name} must be EFFECTIVE or NOT_EFFECTIVE.`);
}

/** `fields_set`: comma-separated names (an array of names is accepted too); null = every field. */
export function fieldsSet(params: Params): ReadonlySet<string> | null {
  const value = params.fields_set;
  if (isAbsent(value)) return null;
  const names = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : null;
  if (names === null || !names.every((n): n is string => typeof n === 'string')) {
    return fail(CrmCode.invalidValue, 'fields_set must be a comma-separated list of field names.');
  }
  const wanted = names.map((n) => n.trim()).filter((n) => n !== '');
  return wanted.length === 0 ? null : new Set(wanted);
}

/** Keeps only the top-level fields asked for. */
export function pickFields<T extends object>(value: T, wanted: ReadonlySet<string> | null): Partial<T> {
  if (wanted === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => wanted.has(key))) as Partial<T>;
}
