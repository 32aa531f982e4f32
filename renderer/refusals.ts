import { t } from './i18n';
import { checkField, checkNewToken, type AccessTokenDefinition, type FieldErrors } from '../shared/token/definition';
import type { TokenDeskDatabase } from './storage/database';

/**
 * Why the app refuses a local change: the active definition rules a value out (checked here and
 * nowhere else), or another local token already holds it.
 */

/** A local change the app refuses; `field` names the form field it concerns, when there is one. */
export class LocalChangeError extends Error {
  readonly field: 'identifier' | 'authenticationCode' | 'passCode' | 'verificationCode' | null;
  constructor(message: string, field: LocalChangeError['field'] = null) {
    super(message);
    this.name = 'LocalChangeError';
    this.field = field;
  }
}

/** Refuses a value another local token already holds. Runs inside the caller's transaction. */
export async function assertFree(
  db: TokenDeskDatabase,
  field: 'identifier' | 'authenticationCode',
  value: string,
  exceptLocalId: string | null = null,
): Promise<void> {
  const holder = await db.tokens.where(field).equals(value).first();
  if (holder && holder.localId !== exceptLocalId) {
    throw new LocalChangeError(t(field === 'identifier' ? 'refusals.identifierTaken' : 'refusals.codeTaken', { value }), field);
  }
}

type CheckedField = 'identifier' | 'passCode' | 'authenticationCode';

const LABELS: Readonly<Record<CheckedField, string>> = {
  identifier: 'Identifier',
  passCode: 'Pass code',
  authenticationCode: 'Authentication code',
};

/** Refuses a value the active definition rules out, naming the field. The one place single values are checked. */
export function refuseAgainstDefinition(definition: AccessTokenDefinition, field: CheckedField, value: string): void {
  const problem = checkField(definition[field], LABELS[field], value);
  if (problem) throw new LocalChangeError(problem, field);
}

/**
 * The identifier and pass code a form gives for a token with authentication code `code`, checked
 * against the definition as one set (an identifier needs its pass code). A code that breaks the
 * definition is the app's fault, not the operator's, so it throws.
 */
export function identityErrors(
  definition: AccessTokenDefinition,
  identifier: string | null,
  passCode: string | null,
  code: string,
): FieldErrors {
  const { authenticationCode: codeError, ...errors } = checkNewToken(definition, { identifier, passCode, authenticationCode: code });
  if (codeError) throw new Error(`The authentication code breaks the definition: ${codeError}`);
  return errors;
}
