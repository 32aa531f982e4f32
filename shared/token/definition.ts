import { z } from 'zod';
import { schemaProblem, type SchemaProblem } from '../text/schemaProblems';

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
    for (const [problem, message] of ruleContradictions(rule)) ctx.addIssue({ code: 'custom', ...schemaProblem(problem, message) });
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

function ruleContradictions(rule: Omit<FieldRule, never>): Array<[SchemaProblem, string]> {
  const problems: Array<[SchemaProblem, string]> = [];
  if (rule.maxLength < rule.minLength) problems.push(['maxBelowMin', 'maxLength is below minLength']);
  if (rule.generatedLength < rule.minLength || rule.generatedLength > rule.maxLength) {
    problems.push(['generatedOutside', 'generatedLength must lie between minLength and maxLength']);
  }
  if (rule.minLetters + rule.minDigits + rule.minSpecial > rule.generatedLength) {
    problems.push(['countsTooMany', 'the minimum character counts do not fit in generatedLength']);
  }
  if (rule.characters === 'DIGITS' && (rule.minLetters > 0 || rule.minSpecial > 0)) {
    problems.push(['digitsOnlyClasses', 'a digits-only field cannot require letters or special characters']);
  }
  if (rule.characters === 'LETTERS_AND_DIGITS' && rule.minSpecial > 0) {
    problems.push(['lettersDigitsSpecial', 'a letters-and-digits field cannot require special characters']);
  }
  return problems;
}

const PATTERNS: Record<CharacterSet, RegExp> = {
  DIGITS: /^[0-9]+$/,
  LETTERS_AND_DIGITS: /^[A-Za-z0-9]+$/,
  PRINTABLE: /^[\x21-\x7E]+$/,
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

/** A rule a value breaks, with what the rule asks; the renderer says it in words, naming the field. */
export type RuleProblem =
  | { code: 'tooShort'; count: number }
  | { code: 'tooLong'; count: number }
  | { code: 'characters'; set: CharacterSet }
  | { code: 'letters'; count: number }
  | { code: 'digits'; count: number }
  | { code: 'special'; count: number };

/** A field of a new token that is missing, or given without its partner (an identifier and its pass code go together). */
export type PairingProblem = { code: 'identifierRequired' } | { code: 'passCodeNeedsIdentifier' } | { code: 'passCodeRequired' };
export type FieldProblem = RuleProblem | PairingProblem;

/** The first rule a value breaks, or null. */
export function checkField(rule: FieldRule, value: string): RuleProblem | null {
  if (value.length < rule.minLength) return { code: 'tooShort', count: rule.minLength };
  if (value.length > rule.maxLength) return { code: 'tooLong', count: rule.maxLength };
  if (!PATTERNS[rule.characters].test(value)) return { code: 'characters', set: rule.characters };
  const found = countClasses(value);
  if (found.letters < rule.minLetters) return { code: 'letters', count: rule.minLetters };
  if (found.digits < rule.minDigits) return { code: 'digits', count: rule.minDigits };
  if (found.special < rule.minSpecial) return { code: 'special', count: rule.minSpecial };
  return null;
}

export interface TokenFields {
  identifier: string | null;
  passCode: string | null;
  authenticationCode: string;
}

export type FieldErrors = Partial<Record<keyof TokenFields, FieldProblem>>;

/** Every rule of the definition that a new token's fields break; empty when valid. */
export function checkNewToken(definition: AccessTokenDefinition, fields: TokenFields): FieldErrors {
  const errors: FieldErrors = {};
  const { identifier, passCode, authenticationCode } = fields;
  if (identifier === null) {
    if (!definition.allowWithoutIdentifier) errors.identifier = { code: 'identifierRequired' };
    if (passCode !== null) errors.passCode = { code: 'passCodeNeedsIdentifier' };
  } else {
    const identifierError = checkField(definition.identifier, identifier);
    if (identifierError) errors.identifier = identifierError;
    const passCodeError = passCode === null ? { code: 'passCodeRequired' as const } : checkField(definition.passCode, passCode);
    if (passCodeError) errors.passCode = passCodeError;
  }
  const codeError = checkField(definition.authenticationCode, authenticationCode);
  if (codeError) errors.authenticationCode = codeError;
  return errors;
}

export function hasErrors(errors: Readonly<Partial<Record<string, unknown>>>): boolean {
  return Object.keys(errors).length > 0;
}
