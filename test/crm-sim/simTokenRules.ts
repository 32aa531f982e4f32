import { CrmCode } from '../../shared/crm/statusCodes';
import { checkNewToken, type AccessTokenDefinition, type CharacterSet, type FieldProblem, type TokenFields } from '../../shared/token/definition';
import { fail } from './simErrors';

/** What an update asks for: undefined = left out (unchanged); authenticationCode null = generate a new one. */
export interface TokenChanges {
  identifier?: string | null;
  passCode?: string | null;
  authenticationCode?: string | null;
}

/** Create: identifier and pass code are mandatory unless the definition allows neither; a pass code always goes with an identifier. */
export function requireCreateFields(definition: AccessTokenDefinition, fields: Omit<TokenFields, 'authenticationCode'>): void {
  if (fields.identifier === null && !definition.allowWithoutIdentifier) {
    fail(CrmCode.mandatoryFieldMissing, 'identifier and pass_code are mandatory: the active definition does not allow tokens without them.');
  }
  if (fields.identifier !== null && fields.passCode === null) {
    fail(CrmCode.mandatoryFieldMissing, 'pass_code is mandatory when an identifier is given.');
  }
}

/** Update: something must be amended, and a new identifier comes with its pass code. */
export function requireUpdateFields(changes: TokenChanges): void {
  const given = [changes.identifier, changes.passCode, changes.authenticationCode].some((v) => v !== undefined);
  if (!given) fail(CrmCode.nothingToAmend, 'At least one of identifier, pass_code or authentication_code must be amended.');
  if (typeof changes.identifier === 'string' && (changes.passCode === undefined || changes.passCode === null)) {
    fail(CrmCode.mandatoryFieldMissing, 'pass_code is mandatory when an identifier is given.');
  }
}

/** The fields after an update. Clearing the identifier clears the pass code with it. */
export function changedFields(current: TokenFields, changes: TokenChanges, newCode: () => string): TokenFields {
  const identifier = changes.identifier === undefined ? current.identifier : changes.identifier;
  const clearsIdentifier = changes.identifier === null && changes.passCode === undefined;
  return {
    identifier,
    passCode: clearsIdentifier ? null : changes.passCode === undefined ? current.passCode : changes.passCode,
    authenticationCode: changes.authenticationCode === undefined ? current.authenticationCode : (changes.authenticationCode ?? newCode()),
  };
}

export function sameFields(a: TokenFields, b: TokenFields): boolean {
  return a.identifier === b.identifier && a.passCode === b.passCode && a.authenticationCode === b.authenticationCode;
}

const FIELD_ORDER: ReadonlyArray<keyof TokenFields> = ['identifier', 'passCode', 'authenticationCode'];
const FIELD_NAMES: Readonly<Record<keyof TokenFields, string>> = { identifier: 'Identifier', passCode: 'Pass code', authenticationCode: 'Authentication code' };
const SET_NAMES: Readonly<Record<CharacterSet, string>> = {
  DIGITS: 'digits only',
  LETTERS_AND_DIGITS: 'letters and digits only',
  PRINTABLE: 'printable characters without spaces',
};

/** The CRM's own English sentence for a broken rule (the app shows the CRM's text as data). */
function crmSentence(field: keyof TokenFields, problem: FieldProblem): string {
  const name = FIELD_NAMES[field];
  switch (problem.code) {
    case 'identifierRequired':
      return 'Identifier is required.';
    case 'passCodeNeedsIdentifier':
      return 'A pass code needs an identifier.';
    case 'passCodeRequired':
      return 'A pass code is required when an identifier is given.';
    case 'tooShort':
      return `${name} must be at least ${problem.count} characters.`;
    case 'tooLong':
      return `${name} must be at most ${problem.count} characters.`;
    case 'characters':
      return `${name} may contain ${SET_NAMES[problem.set]}.`;
    case 'letters':
      return `${name} needs at least ${problem.count} letter(s).`;
    case 'digits':
      return `${name} needs at least ${problem.count} digit(s).`;
    case 'special':
      return `${name} needs at least ${problem.count} special character(s).`;
  }
}

/**
 * Every rule of the active definition the fields break → definition-violated error, the first rule's
 * sentence as message, all of them as description. `judged` limits the check to the fields being
 * set, so a token made under an older definition can still have its other fields amended.
 */
export function enforceDefinition(definition: AccessTokenDefinition, fields: TokenFields, judged?: ReadonlySet<keyof TokenFields>): void {
  const errors = checkNewToken(definition, fields);
  const sentences = FIELD_ORDER.filter((field) => judged === undefined || judged.has(field)).flatMap((field) => {
    const problem = errors[field];
    return problem === undefined ? [] : [crmSentence(field, problem)];
  });
  const [first] = sentences;
  if (first !== undefined) fail(CrmCode.definitionViolated, first, sentences.join(' '));
}

/** Which fields an update touches: identifier and pass code are judged together. */
export function judgedFields(before: TokenFields, after: TokenFields): Set<keyof TokenFields> {
  const judged = new Set<keyof TokenFields>();
  if (before.identifier !== after.identifier || before.passCode !== after.passCode) {
    judged.add('identifier');
    judged.add('passCode');
  }
  if (before.authenticationCode !== after.authenticationCode) judged.add('authenticationCode');
  return judged;
}
