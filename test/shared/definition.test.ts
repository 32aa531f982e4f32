import { describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITION } from '../../shared/token/defaultDefinition';
import {
  accessTokenDefinitionSchema,
  checkField,
  checkNewToken,
  countClasses,
  fieldRuleSchema,
  hasErrors,
  type AccessTokenDefinition,
  type FieldRule,
} from '../../shared/token/definition';

const rule: FieldRule = {
  characters: 'PRINTABLE',
  minLength: 6,
  maxLength: 10,
  minLetters: 1,
  minDigits: 2,
  minSpecial: 1,
  generatedLength: 8,
};

const strict: AccessTokenDefinition = { ...DEFAULT_DEFINITION, allowWithoutIdentifier: false };

describe('definition rules', () => {
  it('count letters, digits and special characters', () => {
    expect(countClasses('ab12-!')).toEqual({ letters: 2, digits: 2, special: 2 });
  });

  it('check minimum length, maximum length, character set and class counts in that order', () => {
    expect(checkField(rule, 'Pass code', 'a1-')).toBe('Pass code must be at least 6 characters.');
    expect(checkField(rule, 'Pass code', 'a1-4567890123')).toBe('Pass code must be at most 10 characters.');
    expect(checkField(rule, 'Pass code', 'a1 2345')).toBe('Pass code may contain printable characters without spaces.');
    expect(checkField(rule, 'Pass code', '123456-')).toBe('Pass code needs at least 1 letter(s).');
    expect(checkField(rule, 'Pass code', 'abcde1-')).toBe('Pass code needs at least 2 digit(s).');
    expect(checkField(rule, 'Pass code', 'abcd12')).toBe('Pass code needs at least 1 special character(s).');
    expect(checkField(rule, 'Pass code', 'ab12-!')).toBeNull();
  });

  it('allow digits only where the rule says so', () => {
    expect(checkField(DEFAULT_DEFINITION.passCode, 'Pass code', '12a4')).toBe('Pass code may contain digits only.');
  });

  it('require identifier and pass code unless the definition allows tokens without them', () => {
    const code = 'ABCDEF123456';
    expect(checkNewToken(strict, { identifier: null, passCode: null, authenticationCode: code })).toEqual({
      identifier: 'Identifier is required.',
    });
    expect(checkNewToken(DEFAULT_DEFINITION, { identifier: null, passCode: null, authenticationCode: code })).toEqual({});
  });

  it('always require a pass code with an identifier, and refuse a pass code alone', () => {
    const code = 'ABCDEF123456';
    expect(checkNewToken(DEFAULT_DEFINITION, { identifier: 'CARD1234', passCode: null, authenticationCode: code })).toEqual({
      passCode: 'A pass code is required when an identifier is given.',
    });
    expect(checkNewToken(DEFAULT_DEFINITION, { identifier: null, passCode: '1234', authenticationCode: code })).toEqual({
      passCode: 'A pass code needs an identifier.',
    });
  });

  it('report every broken field at once', () => {
    const errors = checkNewToken(DEFAULT_DEFINITION, { identifier: 'ab', passCode: '12', authenticationCode: 'short' });
    expect(Object.keys(errors).sort()).toEqual(['authenticationCode', 'identifier', 'passCode']);
    expect(hasErrors(errors)).toBe(true);
    expect(hasErrors({})).toBe(false);
  });

  it('refuse a definition whose rules contradict themselves', () => {
    expect(accessTokenDefinitionSchema.safeParse(DEFAULT_DEFINITION).success).toBe(true);
    const contradictions: Partial<FieldRule>[] = [
      { maxLength: 3 },
      { generatedLength: 20 },
      { characters: 'DIGITS', minLetters: 1, minSpecial: 0 },
      { characters: 'LETTERS_AND_DIGITS' },
      { minLetters: 5, minDigits: 5 },
    ];
    for (const patch of contradictions) {
      expect(fieldRuleSchema.safeParse({ ...rule, ...patch }).success, JSON.stringify(patch)).toBe(false);
    }
  });
});
