import type { AccessTokenDefinition } from './definition';

/** Used until an operator imports the CRM's active definition; matches the simulator's demo. */
export const DEFAULT_DEFINITION: AccessTokenDefinition = {
  name: 'Default loyalty card',
  allowWithoutIdentifier: true,
  identifier: {
    characters: 'LETTERS_AND_DIGITS',
    minLength: 4,
    maxLength: 40,
    minLetters: 0,
    minDigits: 0,
    minSpecial: 0,
    generatedLength: 10,
  },
  passCode: {
    characters: 'DIGITS',
    minLength: 4,
    maxLength: 12,
    minLetters: 0,
    minDigits: 4,
    minSpecial: 0,
    generatedLength: 6,
  },
  authenticationCode: {
    characters: 'LETTERS_AND_DIGITS',
    minLength: 12,
    maxLength: 40,
    minLetters: 1,
    minDigits: 1,
    minSpecial: 0,
    generatedLength: 16,
  },
  maxTokensPerOwner: 5,
};
