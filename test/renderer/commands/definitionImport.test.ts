import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITION } from '../../../shared/token/defaultDefinition';
import type { TokenDeskDatabase } from '../../../renderer/storage/database';
import { readDefinition, writeDefinition } from '../../../renderer/storage/meta';
import { importDefinition, parseDefinition } from '../../../renderer/commands/definitionImport';
import { definitionLines, describeRule, identifierHint } from '../../../renderer/definitionText';
import { closeTestDb, openTestDb } from '../support';

let db: TokenDeskDatabase;
beforeEach(() => {
  db = openTestDb();
});
afterEach(() => closeTestDb(db));

const file = (text: string) => ({ text: async () => text });
/** Main's answer to "may this window's operator import a definition?". */
const main = (refusal: string | null = null) => ({
  asked: 0,
  async authorize() {
    this.asked += 1;
    if (refusal !== null) throw new Error(refusal);
    return { operator: { id: 'op-maria', name: 'Maria' }, approvedBy: null };
  },
});
const strict = { ...DEFAULT_DEFINITION, name: 'Strict card', allowWithoutIdentifier: false, identifier: { ...DEFAULT_DEFINITION.identifier, minLength: 8 } };

describe('definition import', () => {
  it('makes a valid file the active definition', async () => {
    expect(await importDefinition({ db, api: main() }, file(JSON.stringify(strict)))).toEqual({ ok: true, definition: strict });
    expect(await readDefinition(db)).toEqual(strict);
  });

  it('changes nothing when main refuses this operator (not a manager)', async () => {
    const refusing = main('Only a manager can import an access token definition.');
    await expect(importDefinition({ db, api: refusing }, file(JSON.stringify(strict)))).rejects.toThrow('Only a manager can import');
    expect(refusing.asked).toBe(1);
    expect(await readDefinition(db)).toEqual(DEFAULT_DEFINITION);
  });

  it('refuses a bad file with a clear error and changes nothing', async () => {
    await writeDefinition(db, strict);
    const cases: Array<[string, RegExp]> = [
      ['{ not json', /^This file is not JSON\. .*Nothing was changed\.$/],
      [JSON.stringify({ name: 'x' }), /^This is not a valid access token definition: 5 problems, listed below\. Nothing was changed\.$/],
      [
        JSON.stringify({ ...strict, passCode: { ...strict.passCode, minLength: 10, maxLength: 5 } }),
        /^This is not a valid access token definition: 2 problems, listed below\./,
      ],
      ['x'.repeat(70_000), /too large/],
    ];
    for (const [text, error] of cases) {
      const result = await importDefinition({ db, api: main() }, file(text));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(error);
    }
    expect(await readDefinition(db)).toEqual(strict);
  });

  it('lists every problem of a bad definition, each naming its field in words', () => {
    const result = parseDefinition(JSON.stringify({ ...strict, name: 7, identifier: { ...strict.identifier, characters: 'EMOJI' }, passCode: undefined }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      'name: The value must be text.',
      'identifier.characters: The value must be one of DIGITS, LETTERS_AND_DIGITS, PRINTABLE.',
      'passCode: The value is missing.',
    ]);
    const bounds = parseDefinition(JSON.stringify({ ...strict, passCode: { ...strict.passCode, minLength: 10, maxLength: 5 } }));
    expect(bounds.ok ? [] : bounds.problems).toContain('passCode: maxLength is below minLength.');
    expect(result.problems.join(' ')).not.toMatch(/Invalid input|received|\{/);
  });

  it('ships a sample definition file that imports', async () => {
    const sample = await readFile(new URL('../../../docs/sample-definition.json', import.meta.url), 'utf8');
    expect(parseDefinition(sample).ok).toBe(true);
  });

  it('says what a definition enforces', () => {
    expect(parseDefinition(JSON.stringify(DEFAULT_DEFINITION)).ok).toBe(true);
    expect(describeRule(DEFAULT_DEFINITION.authenticationCode)).toBe('12–40 letters and digits, at least 1 letter and 1 digit');
    expect(describeRule(DEFAULT_DEFINITION.passCode)).toBe('4–12 digits');
    expect(identifierHint(strict)).toBe('Required · 8–40 letters and digits');
    expect(definitionLines(DEFAULT_DEFINITION)).toContainEqual(['Tokens per owner', 'At most 5']);
  });
});
