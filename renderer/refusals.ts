import { t } from './i18n';
import { checkField, checkNewToken, type AccessTokenDefinition, type FieldProblem } from '../shared/token/definition';
import type { CheckedField } from './i18n/areas/fieldChecks';
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

/** A broken rule of the definition as a sentence naming `field`, in the clerk's language. */
export function fieldProblemText(field: CheckedField, problem: FieldProblem): string {
  switch (problem.code) {
    case 'identifierRequired':
    case 'passCodeNeedsIdentifier':
    case 'passCodeRequired':
      return t(`fieldChecks.${problem.code}`);
    case 'characters':
      return t(`fieldChecks.${field}.characters.${problem.set}`);
    default:
      return t(`fieldChecks.${field}.${problem.code}`, { count: problem.count });
  }
}

/** Refuses a value the active definition rules out, naming the field. The one place single values are checked. */
export function refuseAgainstDefinition(definition: AccessTokenDefinition, field: CheckedField, value: string): void {
  const problem = checkField(definition[field], value);
  if (problem) throw new LocalChangeError(fieldProblemText(field, problem), field);
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
): Partial<Record<'identifier' | 'passCode', string>> {
  const { authenticationCode: codeError, identifier: identifierError, passCode: passCodeError } = checkNewToken(definition, { identifier, passCode, authenticationCode: code });
  if (codeError) throw new Error(`The authentication code breaks the definition: ${fieldProblemText('authenticationCode', codeError)}`);
  return {
    ...(identifierError ? { identifier: fieldProblemText('identifier', identifierError) } : {}),
    ...(passCodeError ? { passCode: fieldProblemText('passCode', passCodeError) } : {}),
  };
}
