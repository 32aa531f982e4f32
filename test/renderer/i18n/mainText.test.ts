import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDialect, CALIBRATED_MEANINGS, type DialectRecord } from '../../../shared/crm/dialect';
import { APPROVALS, MANAGER_TASKS, mainWordsSchema, type MainWords, type MainWordsCode } from '../../../shared/ipc/mainWords';
import { CHARACTER_SETS, type FieldProblem } from '../../../shared/token/definition';
import { SCHEMA_PROBLEMS } from '../../../shared/text/schemaProblems';
import { i18n, mainText, t } from '../../../renderer/i18n';
import { fieldProblemText } from '../../../renderer/refusals';

/** One example of every code main can send: a new code without one is a compile error here. */
const SAMPLES: { [C in MainWordsCode]: Array<Extract<MainWords, { code: C }>> } = {
  failed: [{ code: 'failed', detail: 'EIO: i/o error' }],
  notTheWindow: [{ code: 'notTheWindow' }],
  badCall: [{ code: 'badCall', channel: 'saveSettings' }],
  operatorsExist: [{ code: 'operatorsExist' }],
  onlyManager: [{ code: 'onlyManager', name: 'Maria' }],
  operatorGone: [{ code: 'operatorGone' }],
  badgeUnknown: [{ code: 'badgeUnknown' }],
  badgeTaken: [{ code: 'badgeTaken' }],
  nameTaken: [{ code: 'nameTaken', name: 'Maria' }],
  operatorsDamaged: [{ code: 'operatorsDamaged', path: '/data/operators.json' }],
  operatorLocked: [{ code: 'operatorLocked', name: 'Maria', failures: 5, minutes: 3 }],
  wrongPin: [
    { code: 'wrongPin', name: 'Maria', count: 1, minutes: 5 },
    { code: 'wrongPin', name: 'Maria', count: 3, minutes: 1 },
  ],
  wrongPinLocked: [{ code: 'wrongPinLocked', name: 'Maria', minutes: 5 }],
  notSignedIn: [{ code: 'notSignedIn' }],
  screenLocked: [{ code: 'screenLocked' }],
  signedInRemoved: [{ code: 'signedInRemoved' }],
  managerOnly: MANAGER_TASKS.map((task) => ({ code: 'managerOnly', task })),
  needsApproval: APPROVALS.map((action) => ({ code: 'needsApproval', action })),
  notAManager: [{ code: 'notAManager', name: 'Nikos' }],
  printerSaid: [{ code: 'printerSaid', reason: 'Out of paper' }],
  printerNoReason: [{ code: 'printerNoReason' }],
  printWindowGone: [{ code: 'printWindowGone' }],
  printerGone: [{ code: 'printerGone', printer: 'EPSON_TM_T20' }],
  trainingOff: [{ code: 'trainingOff' }],
  trainingOn: [{ code: 'trainingOn' }],
  trainingPassCode: [{ code: 'trainingPassCode' }],
  trainingSwitched: [{ code: 'trainingSwitched' }],
  cannotRebuild: [{ code: 'cannotRebuild' }],
  notUnsyncedWork: [{ code: 'notUnsyncedWork' }],
  plainHttpRefused: [{ code: 'plainHttpRefused' }],
  plainHttpHeld: [{ code: 'plainHttpHeld' }],
  settingsDamaged: [{ code: 'settingsDamaged', detail: 'Unexpected token' }],
  secretUnusable: [{ code: 'secretUnusable', detail: 'bad key' }],
  passCodeHeld: [{ code: 'passCodeHeld', from: 'https://old.example', to: 'https://new.example' }],
  crmRefused: [{ code: 'crmRefused', reason: 'Identifier already in use' }],
  crmUnreached: [{ code: 'crmUnreached', detail: 'ECONNREFUSED' }],
  noCrm: [{ code: 'noCrm' }],
  simulatorUnreached: [{ code: 'simulatorUnreached', detail: 'offline' }],
  crmChangedMeanwhile: [{ code: 'crmChangedMeanwhile' }],
  waitsForEarlier: [{ code: 'waitsForEarlier' }],
  unsendable: [{ code: 'unsendable', detail: 'Too big: expected string to have <=128 characters' }],
};

const ALL = Object.values(SAMPLES).flat();

/** A text that came from the catalog: no key echoed back, every placeholder filled. */
function expectWords(text: string): void {
  expect(text).not.toMatch(/^(main|fieldChecks|dialect|problems)\./);
  expect(text).not.toContain('{{');
  expect(text.length).toBeGreaterThan(10);
}

function inBoth(say: () => string): { en: string; el: string } {
  void i18n.changeLanguage('en');
  const en = say();
  void i18n.changeLanguage('el');
  const el = say();
  return { en, el };
}

// Greek's catalog is a chunk of its own, loaded when first chosen; loaded here, each switch is immediate.
beforeAll(() => i18n.loadLanguages('el'));

afterAll(async () => {
  await i18n.changeLanguage('en');
});

describe('main’s words in the clerk’s language', () => {
  it('has a sample of every code that the contract accepts', () => {
    for (const words of ALL) expect(mainWordsSchema.parse(words)).toEqual(words);
  });

  it('says every code in English and in Greek, with its data in place', () => {
    for (const words of ALL) {
      const { en, el } = inBoth(() => mainText(words));
      expectWords(en);
      expectWords(el);
      expect(el, words.code).not.toBe(en);
      for (const value of Object.values(words).filter((v) => typeof v === 'string' && v !== words.code && !('task' in words) && !('action' in words))) {
        expect(en).toContain(value);
        expect(el).toContain(value);
      }
    }
  });

  it('counts tries with the language’s plural and minutes with Intl', () => {
    const one = inBoth(() => mainText({ code: 'wrongPin', name: 'Maria', count: 1, minutes: 5 }));
    const many = inBoth(() => mainText({ code: 'wrongPin', name: 'Maria', count: 3, minutes: 1 }));
    expect(one.en).toBe('Wrong PIN. 1 more try before Maria is locked for 5 minutes.');
    expect(many.en).toBe('Wrong PIN. 3 more tries before Maria is locked for 1 minute.');
    expect(one.el).toBe('Λάθος PIN. Απομένει 1 προσπάθεια πριν κλειδωθεί ο/η Maria για 5 λεπτά.');
    expect(many.el).toBe('Λάθος PIN. Απομένουν 3 προσπάθειες πριν κλειδωθεί ο/η Maria για 1 λεπτό.');
  });

  it('puts the CRM’s own reason inside a translated sentence', () => {
    const { en, el } = inBoth(() => mainText({ code: 'crmRefused', reason: 'Identifier already in use' }));
    expect(en).toBe('The CRM refused this: Identifier already in use');
    expect(el).toBe('Το CRM το αρνήθηκε: Identifier already in use');
  });
});

describe('shared/’s checks in the clerk’s language', () => {
  const PROBLEMS: FieldProblem[] = [
    ...CHARACTER_SETS.map((set) => ({ code: 'characters' as const, set })),
    ...(['tooShort', 'tooLong', 'letters', 'digits', 'special'] as const).flatMap((code) => [1, 4].map((count) => ({ code, count }))),
  ];

  it('names the field in a whole sentence for every rule, in both languages', () => {
    for (const field of ['identifier', 'passCode', 'authenticationCode'] as const) {
      for (const problem of PROBLEMS) {
        const { en, el } = inBoth(() => fieldProblemText(field, problem));
        expectWords(en);
        expectWords(el);
        expect(el).not.toBe(en);
      }
    }
    expect(inBoth(() => fieldProblemText('passCode', { code: 'tooShort', count: 4 }))).toEqual({
      en: 'Pass code must be at least 4 characters.',
      el: 'Ο κωδικός πρόσβασης πρέπει να έχει τουλάχιστον 4 χαρακτήρες.',
    });
    for (const code of ['identifierRequired', 'passCodeNeedsIdentifier', 'passCodeRequired'] as const) {
      const { en, el } = inBoth(() => fieldProblemText('identifier', { code }));
      expectWords(en);
      expect(el).not.toBe(en);
    }
  });

  it('says every schema problem of shared/ in both languages', () => {
    for (const problem of SCHEMA_PROBLEMS) {
      const { en, el } = inBoth(() => t(`problems.rule.${problem}`));
      expectWords(en);
      expect(el).not.toBe(en);
    }
  });

  it('says every line of the dialect note in both languages', () => {
    const answers = { tokenNotFound: { code: 'ACME.NOT_FOUND', httpStatus: 404 }, sessionInvalid: null };
    const record: DialectRecord = { serverUrl: 'https://crm.example.com', calibratedAt: '2024-01-11T09:01:00Z', answers, generatesCodes: false };
    const lines = [...describeDialect(null), ...describeDialect(record), ...describeDialect({ ...record, generatesCodes: true })];
    expect(new Set(lines.map((line) => line.code)).size).toBe(7);
    for (const meaning of CALIBRATED_MEANINGS) {
      const { en, el } = inBoth(() => t(`dialect.meaning.${meaning}`));
      expect(el).not.toBe(en);
    }
    for (const line of lines) {
      const { en, el } = inBoth(() => t(`dialect.${line.code}`, { ...line, meaning: 'x' }));
      expectWords(en);
      expect(el).not.toBe(en);
    }
  });
});
