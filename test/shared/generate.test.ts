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
      expect(checkField(rule, 'code', code)).toBeNull();
    }
  });

  it('are not repeated across many draws', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => generateFieldValue(DEFAULT_DEFINITION.authenticationCode, cryptoRandom)));
    expect(codes.size).toBe(2000);
  });

  it('honour digits-only rules and minimum special characters', () => {
    expect(generateFieldValue(DEFAULT_DEFINITION.passCode, cryptoRandom)).toMatch(/^\d{6}$/);
    const special: FieldRule = { characters: 'PRINTABLE', minLength: 8, maxLength: 8, minLetters: 2, minDigits: 2, minSpecial: 2, generatedLength: 8 };
    expect(checkField(special, 'x', generateFieldValue(special, cryptoRandom))).toBeNull();
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

  it('give up with a clear error when the random source can never satisfy the rule', () => {
    const zeros: RandomSource = (buffer) => buffer.fill(0);
    expect(() => generateFieldValue(DEFAULT_DEFINITION.authenticationCode, zeros)).toThrow(/Could not generate/);
  });
});
