import { randomFillSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITION } from '../../shared/token/defaultDefinition';
import { checkField, type FieldRule } from '../../shared/token/definition';
import { generateFieldValue, type RandomSource } from '../../shared/token/generate';

const cryptoRandom: RandomSource = (buffer) => randomFillSync(buffer);

describe('generated values', () => {
  it('satisfy the authentication code rule every time', () => {
    const rule = DEFAULT_DEFINITION.authenticationCode;
    for (let i = 0; i < 500; i += 1) {
      const code = generateFieldValue(rule, cryptoRandom);
      expect(code).toHaveLength(rule.generatedLength);
      expect(checkField(rule, code)).toBeNull();
    }
  });

  it('are not repeated across many draws', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => generateFieldValue(DEFAULT_DEFINITION.authenticationCode, cryptoRandom)));
    expect(codes.size).toBe(2000);
  });

  it('honour digits-only rules and minimum special characters', () => {
    expect(generateFieldValue(DEFAULT_DEFINITION.passCode, cryptoRandom)).toMatch(/^\d{6}$/);
    const special: FieldRule = { characters: 'PRINTABLE', minLength: 8, maxLength: 8, minLetters: 2, minDigits: 2, minSpecial: 2, generatedLength: 8 };
    expect(checkField(special, generateFieldValue(special, cryptoRandom))).toBeNull();
  });

  it('draw only from the random source it is given, without modulo bias', () => {
    let calls = 0;
    const biased: RandomSource = (buffer) => {
      calls += 1;
      return buffer.fill(255);
    };
    const digits: FieldRule = { ...DEFAULT_DEFINITION.passCode, minDigits: 0 };
    const counting: RandomSource = (buffer) => {
      if (calls > 0) return cryptoRandom(buffer);
      return biased(buffer);
    };
    // 255 lies past the last whole multiple of 10 and must be thrown away, not mapped to "5".
    expect(generateFieldValue(digits, counting)).not.toBe('555555');
    expect(calls).toBe(1);
  });

  it('satisfy rules whose minimums fill the whole value, where drawing until one fits would rarely succeed', () => {
    const allDigits: FieldRule = { characters: 'PRINTABLE', minLength: 1, maxLength: 5, minLetters: 0, minDigits: 5, minSpecial: 0, generatedLength: 5 };
    const mixed: FieldRule = { characters: 'PRINTABLE', minLength: 12, maxLength: 12, minLetters: 4, minDigits: 4, minSpecial: 4, generatedLength: 12 };
    for (let i = 0; i < 200; i += 1) {
      expect(generateFieldValue(allDigits, cryptoRandom)).toMatch(/^\d{5}$/);
      expect(checkField(mixed, generateFieldValue(mixed, cryptoRandom))).toBeNull();
    }
  });

  it('place the required characters at random positions, not first', () => {
    const rule: FieldRule = { ...DEFAULT_DEFINITION.authenticationCode, minLetters: 1, minDigits: 0, characters: 'LETTERS_AND_DIGITS' };
    const firstIsLetter = Array.from({ length: 400 }, () => /^[A-Z]/.test(generateFieldValue(rule, cryptoRandom))).filter(Boolean).length;
    // Letters are 23 of 31 characters: a letter first about 74 % of the time, never always.
    expect(firstIsLetter).toBeGreaterThan(200);
    expect(firstIsLetter).toBeLessThan(390);
  });
});

describe('readable generated values', () => {
  it('leave out 0/O and 1/I/L wherever letters and digits mix', () => {
    const rules: FieldRule[] = [
      DEFAULT_DEFINITION.authenticationCode,
      { characters: 'LETTERS_AND_DIGITS', minLength: 16, maxLength: 16, minLetters: 4, minDigits: 4, minSpecial: 0, generatedLength: 16 },
      { characters: 'PRINTABLE', minLength: 16, maxLength: 16, minLetters: 4, minDigits: 4, minSpecial: 2, generatedLength: 16 },
    ];
    for (const rule of rules) {
      for (let i = 0; i < 300; i += 1) {
        const value = generateFieldValue(rule, cryptoRandom);
        expect(value).not.toMatch(/[01OIL]/);
        expect(checkField(rule, value)).toBeNull();
      }
    }
  });

  it('keep every digit when the field holds digits only', () => {
    const seen = new Set(Array.from({ length: 300 }, () => generateFieldValue(DEFAULT_DEFINITION.passCode, cryptoRandom)).join(''));
    expect([...seen].sort().join('')).toBe('0123456789');
  });
});
