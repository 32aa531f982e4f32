import { z } from 'zod';

/** Which characters a field may hold. */
export const CHARACTER_SETS = ['DIGITS', 'LETTERS_AND_DIGITS', 'PRINTABLE'] as const;
export type CharacterSet = (typeof CHARACTER_SETS)[number];

const count = z.number().int().min(0).max(64);

export const fieldRuleSchema = z
  .object({
    characters: z.enum(CHARACTER_SETS),
    minLength: z.number().int().min(1).max(128),
    maxLength: z.number().int().min(1).max(128),
    minLetters: count,
    minDigits: count,
    minSpecial: count,
    /** Length of values made by automatic generation. */
    generatedLength: z.number().int().min(1).max(128),
  })
  .superRefine((rule, ctx) => {
    const problems = ruleContradictions(rule);
    for (const message of problems) ctx.addIssue({ code: 'custom', message });
  });
export type FieldRule = z.infer<typeof fieldRuleSchema>;

/**
 * The active access token definition, configured in CRM.COM's back office
 * (no API), so the client carries it as local configuration.
 */
export const accessTokenDefinitionSchema = z.object({
  name: z.string().min(1).max(120),
  allowWithoutIdentifier: z.boolean(),
  identifier: fieldRuleSchema,
  passCode: fieldRuleSchema,
  authenticationCode: fieldRuleSchema,
  maxTokensPerOwner: z.number().int().min(1).nullable(),
});
export type AccessTokenDefinition = z.infer<typeof accessTokenDefinitionSchema>;

function ruleContradictions(rule: Omit<FieldRule, never>): string[] {
  const problems: string[] = [];
  if (rule.maxLength < rule.minLength) problems.push('maxLength is below minLength');
  if (rule.generatedLength < rule.minLength || rule.generatedLength > rule.maxLength) {
    problems.push('generatedLength must lie between minLength and maxLength');
  }
  if (rule.minLetters + rule.minDigits + rule.minSpecial > rule.generatedLength) {
    problems.push('the minimum character counts do not fit in generatedLength');
  }
  if (rule.characters === 'DIGITS' && (rule.minLetters > 0 || rule.minSpecial > 0)) {
    problems.push('a digits-only field cannot require letters or special characters');
  }
  if (rule.characters === 'LETTERS_AND_DIGITS' && rule.minSpecial > 0) {
    problems.push('a letters-and-digits field cannot require special characters');
  }
  return problems;
}

const PATTERNS: Record<CharacterSet, RegExp> = {
  DIGITS: /^[0-9]+$/,
  LETTERS_AND_DIGITS: /^[A-Za-z0-9]+$/,
  PRINTABLE: /^[\x21-\x7E]+$/,
};

const SET_NAMES: Record<CharacterSet, string> = {
  DIGITS: 'digits only',
  LETTERS_AND_DIGITS: 'letters and digits only',
  PRINTABLE: 'printable characters without spaces',
};

export function countClasses(value: string): { letters: number; digits: number; special: number } {
  let letters = 0;
  let digits = 0;
  for (const ch of value) {
    if (/[A-Za-z]/.test(ch)) letters += 1;
    else if (/[0-9]/.test(ch)) digits += 1;
  }
  return { letters, digits, special: value.length - letters - digits };
}

/** The first rule a value breaks, as a sentence for the operator, or null. */
export function checkField(rule: FieldRule, label: string, value: string): string | null {
  if (value.length < rule.minLength) return `${label} must be at least ${rule.minLength} characters.`;
  if (value.length > rule.maxLength) return `${label} must be at most ${rule.maxLength} characters.`;
  if (!PATTERNS[rule.characters].test(value)) return `${label} may contain ${SET_NAMES[rule.characters]}.`;
  const found = countClasses(value);
  if (found.letters < rule.minLetters) return `${label} needs at least ${rule.minLetters} letter(s).`;
  if (found.digits < rule.minDigits) return `${label} needs at least ${rule.minDigits} digit(s).`;
  if (found.special < rule.minSpecial) return `${label} needs at least ${rule.minSpecial} special character(s).`;
  return null;
}

export interface TokenFields {
  identifier: string | null;
  passCode: string | null;
  authenticationCode: string;
}

export type FieldErrors = Partial<Record<keyof TokenFields, string>>;

/** Every rule of the definition that a new token's fields break; empty when valid. */
export function checkNewToken(definition: AccessTokenDefinition, fields: TokenFields): FieldErrors {
  const errors: FieldErrors = {};
  const { identifier, passCode, authenticationCode } = fields;
  if (identifier === null) {
    if (!definition.allowWithoutIdentifier) errors.identifier = 'Identifier is required.';
    if (passCode !== null) errors.passCode = 'A pass code needs an identifier.';
  } else {
    const identifierError = checkField(definition.identifier, 'Identifier', identifier);
    if (identifierError) errors.identifier = identifierError;
    const passCodeError =
      passCode === null
        ? 'A pass code is required when an identifier is given.'
        : checkField(definition.passCode, 'Pass code', passCode);
    if (passCodeError) errors.passCode = passCodeError;
  }
  const codeError = checkField(definition.authenticationCode, 'Authentication code', authenticationCode);
  if (codeError) errors.authenticationCode = codeError;
  return errors;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}
