import { randomFillSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settingsInputSchema } from '../../shared/ipc/contract';
import { DEFAULT_DEFINITION } from '../../shared/token/defaultDefinition';
import { accessTokenDefinitionSchema, checkField, type AccessTokenDefinition, type FieldRule } from '../../shared/token/definition';
import { generateFieldValue } from '../../shared/token/generate';

/** The definition-import file and the settings form: arbitrary input never throws and never passes unless valid. */

const FIELDS = ['identifier', 'passCode', 'authenticationCode'] as const;

/** What a definition must satisfy for the app to enforce and generate with it. */
function expectUsable(definition: AccessTokenDefinition): void {
  expect(definition.name.length).toBeGreaterThan(0);
  for (const field of FIELDS) {
    const rule: FieldRule = definition[field];
    expect(rule.minLength).toBeLessThanOrEqual(rule.maxLength);
    expect(rule.generatedLength).toBeGreaterThanOrEqual(rule.minLength);
    expect(rule.generatedLength).toBeLessThanOrEqual(rule.maxLength);
    expect(rule.minLetters + rule.minDigits + rule.minSpecial).toBeLessThanOrEqual(rule.generatedLength);
    const value = generateFieldValue(rule, (bytes) => randomFillSync(bytes));
    expect(checkField(rule, value)).toBeNull();
  }
}

const rule = fc.record({
  characters: fc.oneof(fc.constantFrom('DIGITS', 'LETTERS_AND_DIGITS', 'PRINTABLE'), fc.string()),
  minLength: fc.oneof(fc.integer({ min: -2, max: 130 }), fc.double(), fc.string()),
  maxLength: fc.oneof(fc.integer({ min: -2, max: 130 }), fc.anything()),
  minLetters: fc.integer({ min: -1, max: 70 }),
  minDigits: fc.integer({ min: -1, max: 70 }),
  minSpecial: fc.integer({ min: -1, max: 70 }),
  generatedLength: fc.integer({ min: -1, max: 130 }),
}, { requiredKeys: ['characters', 'minLength', 'maxLength', 'minLetters', 'minDigits', 'minSpecial', 'generatedLength'] });

/** Rules that are often consistent, so that accepted definitions are explored too. */
const plausibleRule = fc
  .record({
    characters: fc.constantFrom('DIGITS', 'LETTERS_AND_DIGITS', 'PRINTABLE'),
    minLength: fc.integer({ min: 1, max: 20 }),
    spread: fc.integer({ min: 0, max: 20 }),
    generated: fc.integer({ min: 0, max: 20 }),
    minLetters: fc.integer({ min: 0, max: 3 }),
    minDigits: fc.integer({ min: 0, max: 3 }),
    minSpecial: fc.integer({ min: 0, max: 2 }),
  })
  .map(({ characters, minLength, spread, generated, minLetters, minDigits, minSpecial }) => ({
    characters,
    minLength,
    maxLength: minLength + spread,
    generatedLength: minLength + Math.min(spread, generated),
    minLetters: characters === 'DIGITS' ? 0 : minLetters,
    minDigits,
    minSpecial: characters === 'PRINTABLE' ? minSpecial : 0,
  }));
const anyRule = fc.oneof({ arbitrary: plausibleRule, weight: 8 }, { arbitrary: rule, weight: 1 }, { arbitrary: fc.anything(), weight: 1 });
const sometimes = <T,>(good: fc.Arbitrary<T>) => fc.oneof({ arbitrary: good, weight: 9 }, { arbitrary: fc.anything(), weight: 1 });

const definitionLike = fc.record(
  {
    name: sometimes(fc.string({ minLength: 1, maxLength: 130 })),
    allowWithoutIdentifier: sometimes(fc.boolean()),
    identifier: anyRule,
    passCode: anyRule,
    authenticationCode: anyRule,
    maxTokensPerOwner: sometimes(fc.oneof(fc.integer({ min: -1, max: 10 }), fc.constant(null))),
  },
  { requiredKeys: ['name', 'allowWithoutIdentifier', 'identifier', 'passCode', 'authenticationCode', 'maxTokensPerOwner'] },
);

describe('access token definition import', () => {
  it('accepts the built-in default', () => {
    expectUsable(accessTokenDefinitionSchema.parse(DEFAULT_DEFINITION));
  });

  it('never throws on arbitrary JSON, and what it accepts can be enforced and generated with', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), definitionLike, definitionLike, fc.anything({ withNullPrototype: true, withBigInt: true })), (input) => {
        const parsed = accessTokenDefinitionSchema.safeParse(input);
        if (!parsed.success) return;
        accepted += 1;
        expectUsable(parsed.data);
      }),
      { numRuns: 3000 },
    );
    expect(accepted, 'the generator should also produce valid definitions').toBeGreaterThan(20);
  });

  it('never throws on arbitrary file text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), definitionLike.map((d) => JSON.stringify(d) ?? '')), (text) => {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          return;
        }
        const parsed = accessTokenDefinitionSchema.safeParse(json);
        if (parsed.success) expectUsable(parsed.data);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses each single broken rule of a valid definition', () => {
    const broken = [
      { ...DEFAULT_DEFINITION, name: '' },
      { ...DEFAULT_DEFINITION, passCode: { ...DEFAULT_DEFINITION.passCode, maxLength: 2 } },
      { ...DEFAULT_DEFINITION, passCode: { ...DEFAULT_DEFINITION.passCode, minLetters: 1 } },
      { ...DEFAULT_DEFINITION, identifier: { ...DEFAULT_DEFINITION.identifier, generatedLength: 41 } },
      { ...DEFAULT_DEFINITION, authenticationCode: { ...DEFAULT_DEFINITION.authenticationCode, characters: 'EMOJI' } },
      { ...DEFAULT_DEFINITION, maxTokensPerOwner: 0 },
    ];
    for (const definition of broken) expect(accessTokenDefinitionSchema.safeParse(definition).success, JSON.stringify(definition)).toBe(false);
  });
});

describe('settings form input', () => {
  it('never throws, and what it accepts is bounded and has an http(s) CRM URL or none', () => {
    const formLike = fc.record(
      {
        crmUrl: fc.oneof(fc.webUrl(), fc.string(), fc.constantFrom('', 'javascript:alert(1)', 'file:///etc/passwd', 'https://', ' https://crm.example.com ')),
        organisation: fc.oneof(fc.string({ maxLength: 200 }), fc.anything()),
        username: fc.string({ maxLength: 200 }),
        unit: fc.oneof(fc.string({ maxLength: 200 }), fc.constant(undefined)),
        password: fc.oneof(fc.string({ maxLength: 600 }), fc.constant(undefined), fc.integer()),
        pushConcurrency: fc.oneof(fc.integer({ min: -5, max: 40 }), fc.double(), fc.constant(undefined)),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(formLike, fc.anything({ withNullPrototype: true })), (input) => {
        const parsed = settingsInputSchema.safeParse(input);
        if (!parsed.success) return;
        const s = parsed.data;
        expect(s.crmUrl === '' || /^https?:\/\/[^\s/]+/i.test(s.crmUrl)).toBe(true);
        expect(s.crmUrl.length).toBeLessThanOrEqual(2000);
        expect(s.organisation.length).toBeLessThanOrEqual(120);
        expect(s.username.length).toBeLessThanOrEqual(120);
        expect((s.password ?? '').length).toBeLessThanOrEqual(512);
        if (s.pushConcurrency !== undefined) expect(Number.isInteger(s.pushConcurrency) && s.pushConcurrency >= 1 && s.pushConcurrency <= 16).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
