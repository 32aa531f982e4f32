import type { AccessTokenDefinition, CharacterSet, FieldRule } from '../shared/token/definition';
import { t } from './i18n';

const CHARACTERS: Record<CharacterSet, string> = {
  DIGITS: 'digits',
  LETTERS_AND_DIGITS: 'lettersAndDigits',
  PRINTABLE: 'printable',
};

/** A field rule as the operator reads it: "4–40 letters and digits, at least 1 letter and 1 digit". */
export function describeRule(rule: FieldRule): string {
  const length = rule.minLength === rule.maxLength ? `${rule.minLength}` : `${rule.minLength}–${rule.maxLength}`;
  const minimums = [
    rule.minLetters > 0 ? t('issue.rule.letter', { count: rule.minLetters }) : null,
    rule.minDigits > 0 && rule.characters !== 'DIGITS' ? t('issue.rule.digit', { count: rule.minDigits }) : null,
    rule.minSpecial > 0 ? t('issue.rule.special', { count: rule.minSpecial }) : null,
  ].filter((part): part is string => part !== null);
  const characters = t(`issue.rule.${CHARACTERS[rule.characters]}`);
  if (minimums.length === 0) return t('issue.rule.shape', { length, characters });
  const joined = minimums.reduce((first, second) => t('issue.rule.and', { first, second }));
  return t('issue.rule.shapeAtLeast', { length, characters, minimums: joined });
}

/** Hints for the Issue form's fields. */
export function identifierHint(definition: AccessTokenDefinition): string {
  const rule = describeRule(definition.identifier);
  return definition.allowWithoutIdentifier ? t('issue.rule.optional', { rule }) : t('issue.rule.required', { rule });
}

export function passCodeHint(definition: AccessTokenDefinition): string {
  return t('issue.rule.withIdentifier', { rule: describeRule(definition.passCode) });
}

/** What the definition enforces, one line per rule, for Settings. */
export function definitionLines(definition: AccessTokenDefinition): Array<readonly [string, string]> {
  const generated = (rule: FieldRule) => t('issue.definition.generated', { rule: describeRule(rule), count: rule.generatedLength });
  return [
    [t('issue.definition.identity'), definition.allowWithoutIdentifier ? t('issue.definition.identityOptional') : t('issue.definition.identityRequired')],
    [t('issue.definition.identifier'), generated(definition.identifier)],
    [t('issue.definition.passCode'), generated(definition.passCode)],
    [
      t('issue.definition.authenticationCode'),
      t('issue.definition.generatedHere', { rule: describeRule(definition.authenticationCode), count: definition.authenticationCode.generatedLength }),
    ],
    [t('issue.definition.perOwner'), definition.maxTokensPerOwner === null ? t('issue.definition.noLimit') : t('issue.definition.atMost', { count: definition.maxTokensPerOwner })],
  ];
}
