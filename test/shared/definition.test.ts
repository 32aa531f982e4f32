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
    expect(checkField(rule, 'a1-')).toEqual({ code: 'tooShort', count: 6 });
    expect(checkField(rule, 'a1-4567890123')).toEqual({ code: 'tooLong', count: 10 });
    expect(checkField(rule, 'a1 2345')).toEqual({ code: 'characters', set: 'PRINTABLE' });
    expect(checkField(rule, '123456-')).toEqual({ code: 'letters', count: 1 });
    expect(checkField(rule, 'abcde1-')).toEqual({ code: 'digits', count: 2 });
    expect(checkField(rule, 'abcd12')).toEqual({ code: 'special', count: 1 });
    expect(checkField(rule, 'ab12-!')).toBeNull();
  });

  it('allow digits only where the rule says so', () => {
    expect(checkField(DEFAULT_DEFINITION.passCode, '12a4')).toEqual({ code: 'characters', set: 'DIGITS' });
  });

  it('require identifier and pass code unless the definition allows tokens without them', () => {
    const code = 'ABCDEF123456';
    expect(checkNewToken(strict, { identifier: null, passCode: null, authenticationCode: code })).toEqual({
      identifier: { code: 'identifierRequired' },
    });
    expect(checkNewToken(DEFAULT_DEFINITION, { identifier: null, passCode: null, authenticationCode: code })).toEqual({});
  });

  it('always require a pass code with an identifier, and refuse a pass code alone', () => {
    const code = 'ABCDEF123456';
    expect(checkNewToken(DEFAULT_DEFINITION, { identifier: 'CARD1234', passCode: null, authenticationCode: code })).toEqual({
      passCode: { code: 'passCodeRequired' },
    });
    expect(checkNewToken(DEFAULT_DEFINITION, { identifier: null, passCode: '1234', authenticationCode: code })).toEqual({
      passCode: { code: 'passCodeNeedsIdentifier' },
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
