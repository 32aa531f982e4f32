import type { CharacterSet, PairingProblem, RuleProblem } from '../../../shared/token/definition';

export type CheckedField = 'identifier' | 'passCode' | 'authenticationCode';
type Counted = Exclude<RuleProblem['code'], 'characters'>;

/** A sentence for every rule of the definition a field can break (shared/token/definition.ts): a missing one is a compile error. */
type FieldCheckWords = { readonly [F in CheckedField]: { readonly [K in `${Counted}_one` | `${Counted}_other`]: string } & { readonly characters: Readonly<Record<CharacterSet, string>> } } & {
  readonly [C in PairingProblem['code']]: string;
};

/** Why a value breaks the active access token definition, naming its field, whole sentences per field. */
export const fieldChecks = {
  identifier: {
    tooShort_one: 'Identifier must be at least {{count}} character.',
    tooShort_other: 'Identifier must be at least {{count}} characters.',
    tooLong_one: 'Identifier must be at most {{count}} character.',
    tooLong_other: 'Identifier must be at most {{count}} characters.',
    letters_one: 'Identifier needs at least {{count}} letter.',
    letters_other: 'Identifier needs at least {{count}} letters.',
    digits_one: 'Identifier needs at least {{count}} digit.',
    digits_other: 'Identifier needs at least {{count}} digits.',
    special_one: 'Identifier needs at least {{count}} special character.',
    special_other: 'Identifier needs at least {{count}} special characters.',
    characters: {
      DIGITS: 'Identifier may contain digits only.',
      LETTERS_AND_DIGITS: 'Identifier may contain letters and digits only.',
      PRINTABLE: 'Identifier may contain printable characters without spaces.',
    },
  },
  passCode: {
    tooShort_one: 'Pass code must be at least {{count}} character.',
    tooShort_other: 'Pass code must be at least {{count}} characters.',
    tooLong_one: 'Pass code must be at most {{count}} character.',
    tooLong_other: 'Pass code must be at most {{count}} characters.',
    letters_one: 'Pass code needs at least {{count}} letter.',
    letters_other: 'Pass code needs at least {{count}} letters.',
    digits_one: 'Pass code needs at least {{count}} digit.',
    digits_other: 'Pass code needs at least {{count}} digits.',
    special_one: 'Pass code needs at least {{count}} special character.',
    special_other: 'Pass code needs at least {{count}} special characters.',
    characters: {
      DIGITS: 'Pass code may contain digits only.',
      LETTERS_AND_DIGITS: 'Pass code may contain letters and digits only.',
      PRINTABLE: 'Pass code may contain printable characters without spaces.',
    },
  },
  authenticationCode: {
    tooShort_one: 'Authentication code must be at least {{count}} character.',
    tooShort_other: 'Authentication code must be at least {{count}} characters.',
    tooLong_one: 'Authentication code must be at most {{count}} character.',
    tooLong_other: 'Authentication code must be at most {{count}} characters.',
    letters_one: 'Authentication code needs at least {{count}} letter.',
    letters_other: 'Authentication code needs at least {{count}} letters.',
    digits_one: 'Authentication code needs at least {{count}} digit.',
    digits_other: 'Authentication code needs at least {{count}} digits.',
    special_one: 'Authentication code needs at least {{count}} special character.',
    special_other: 'Authentication code needs at least {{count}} special characters.',
    characters: {
      DIGITS: 'Authentication code may contain digits only.',
      LETTERS_AND_DIGITS: 'Authentication code may contain letters and digits only.',
      PRINTABLE: 'Authentication code may contain printable characters without spaces.',
    },
  },
  identifierRequired: 'Identifier is required.',
  passCodeNeedsIdentifier: 'A pass code needs an identifier.',
  passCodeRequired: 'A pass code is required when an identifier is given.',
} satisfies FieldCheckWords;
