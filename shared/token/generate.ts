import { checkField, type CharacterSet, type FieldRule } from './definition';

/** Fills a buffer with cryptographically strong random bytes (crypto.getRandomValues). */
export type RandomSource = (buffer: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>;

const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const SPECIAL = '!#$%*+-=?@_';

/** Upper case only: codes are read aloud and typed at a counter. */
const ALPHABETS: Record<CharacterSet, string> = {
  DIGITS,
  LETTERS_AND_DIGITS: UPPER + DIGITS,
  PRINTABLE: UPPER + DIGITS + SPECIAL,
};

const MAX_TRIES = 1000;

/** Uniform picks from the alphabet: bytes past the last whole multiple are thrown away. */
function randomString(alphabet: string, length: number, random: RandomSource): string {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of random(new Uint8Array(length * 2))) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

/** A random value that satisfies the rule, drawn until one does (the rule is known to be satisfiable). */
export function generateFieldValue(rule: FieldRule, random: RandomSource): string {
  const alphabet = ALPHABETS[rule.characters];
  for (let i = 0; i < MAX_TRIES; i += 1) {
    const candidate = randomString(alphabet, rule.generatedLength, random);
    if (checkField(rule, 'value', candidate) === null) return candidate;
  }
  throw new Error('Could not generate a value that satisfies the definition; check its minimum counts.');
}
