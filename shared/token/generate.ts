import { checkField, type CharacterSet, type FieldRule } from './definition';

/** Fills a buffer with cryptographically strong random bytes (crypto.getRandomValues). */
export type RandomSource = (buffer: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>;

const DIGITS = '0123456789';
/** Digits beside letters: 0 and 1 are left out, as they read like O, I and L. */
const MIXED_DIGITS = '23456789';
/** Upper case only (codes are read aloud and typed at a counter), without I, L and O, which read like 1 and 0. */
const UPPER = 'ABCDEFGHJKMNPQRSTUVWXYZ';
const SPECIAL = '!#$%*+-=?@_';

const ALPHABETS: Record<CharacterSet, string> = {
  DIGITS,
  LETTERS_AND_DIGITS: UPPER + MIXED_DIGITS,
  PRINTABLE: UPPER + MIXED_DIGITS + SPECIAL,
};

/** A digits-only value has nothing to mistake a 0 or 1 for, so it keeps all ten. */
const digitsFor = (characters: CharacterSet): string => (characters === 'DIGITS' ? DIGITS : MIXED_DIGITS);

/** `count` uniform indexes below `bound` (≤ 256): bytes past the last whole multiple are thrown away. */
function randomIndexes(bound: number, count: number, random: RandomSource): number[] {
  const limit = 256 - (256 % bound);
  const out: number[] = [];
  while (out.length < count) {
    for (const byte of random(new Uint8Array(Math.max(1, count * 2)))) {
      if (byte < limit && out.length < count) out.push(byte % bound);
    }
  }
  return out;
}

function randomChars(alphabet: string, count: number, random: RandomSource): string[] {
  return randomIndexes(alphabet.length, count, random).map((i) => alphabet[i] ?? '');
}

/** Fisher–Yates with the same unbiased draws. */
function shuffle(chars: string[], random: RandomSource): string[] {
  const out = [...chars];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const [j = 0] = randomIndexes(i + 1, 1, random);
    [out[i], out[j]] = [out[j] ?? '', out[i] ?? ''];
  }
  return out;
}

/**
 * A random value that satisfies the rule, built rather than drawn until one fits: the required
 * letters, digits and special characters first, the rest from the field's alphabet, then shuffled.
 * The definition schema guarantees the minimums fit in the generated length and the character set.
 */
export function generateFieldValue(rule: FieldRule, random: RandomSource): string {
  const required = [
    ...randomChars(UPPER, rule.minLetters, random),
    ...randomChars(digitsFor(rule.characters), rule.minDigits, random),
    ...randomChars(SPECIAL, rule.minSpecial, random),
  ];
  const rest = randomChars(ALPHABETS[rule.characters], Math.max(0, rule.generatedLength - required.length), random);
  const value = shuffle([...required, ...rest], random).join('');
  const problem = checkField(rule, value);
  if (problem) throw new Error(`The definition cannot be satisfied: the generated value breaks its ${problem.code} rule`);
  return value;
}
