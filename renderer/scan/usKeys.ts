/**
 * What a scanner set to a US layout means by each physical key (KeyboardEvent.code), unshifted and
 * shifted. A scan is decoded from these, never from `key`, so a Greek, French or German layout on the
 * counter's computer does not garble the code.
 */
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGIT_SHIFTED = ')!@#$%^&*(';

const PUNCTUATION: ReadonlyArray<readonly [string, string, string]> = [
  ['Minus', '-', '_'],
  ['Equal', '=', '+'],
  ['BracketLeft', '[', '{'],
  ['BracketRight', ']', '}'],
  ['Backslash', '\\', '|'],
  ['Semicolon', ';', ':'],
  ['Quote', "'", '"'],
  ['Comma', ',', '<'],
  ['Period', '.', '>'],
  ['Slash', '/', '?'],
  ['Backquote', '`', '~'],
  ['NumpadDivide', '/', '/'],
  ['NumpadMultiply', '*', '*'],
  ['NumpadSubtract', '-', '-'],
  ['NumpadAdd', '+', '+'],
  ['NumpadDecimal', '.', '.'],
];

function buildKeys(): ReadonlyMap<string, readonly [string, string]> {
  const keys = new Map<string, readonly [string, string]>();
  for (const letter of LETTERS) keys.set(`Key${letter}`, [letter.toLowerCase(), letter]);
  for (let digit = 0; digit <= 9; digit += 1) {
    keys.set(`Digit${digit}`, [String(digit), DIGIT_SHIFTED[digit] ?? '']);
    keys.set(`Numpad${digit}`, [String(digit), String(digit)]);
  }
  for (const [code, plain, shifted] of PUNCTUATION) keys.set(code, [plain, shifted]);
  return keys;
}

const US_KEYS = buildKeys();

/** The character a US-layout scanner sends with this physical key, or null for a key that types none. */
export function usCharacter(code: string, shift: boolean): string | null {
  const pair = US_KEYS.get(code);
  return pair ? pair[shift ? 1 : 0] : null;
}
