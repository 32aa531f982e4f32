import { afterAll, describe, expect, it } from 'vitest';
import { lastErrorText } from '../../renderer/errors';
import { i18n } from '../../renderer/i18n';
import type { TokenProblem } from '../../renderer/storage/rows';

const REASON = 'Rewards participant 99 does not exist.';
const CONFLICTS = [{ field: 'identifier', crm: 'CRM00001', mine: null }] as const;

/** Each problem with its English and Greek. */
const PROBLEMS: Array<[TokenProblem, string, string]> = [
  [{ kind: 'refused', words: { code: 'crmRefused', reason: REASON } }, `The CRM refused this: ${REASON}`, `Το CRM το αρνήθηκε: ${REASON}`],
  [
    { kind: 'conflict', conflicts: [...CONFLICTS] },
    'Changed in the CRM meanwhile: identifier is CRM00001 in the CRM, yours is none.',
    'Άλλαξε στο CRM στο μεταξύ: το αναγνωριστικό είναι CRM00001 στο CRM, το δικό σας κανένα.',
  ],
  [{ kind: 'missing' }, 'The CRM no longer knows this token.', 'Το CRM δεν γνωρίζει πλέον αυτό το token.'],
];

afterAll(async () => {
  await i18n.changeLanguage('en');
});

describe('a token’s last error', () => {
  it('is said from its problem in English and in Greek, whatever English was stored', async () => {
    const texts = async (language: string) => {
      await i18n.changeLanguage(language);
      return PROBLEMS.map(([lastProblem]) => lastErrorText({ lastError: 'the stored record', lastProblem }));
    };
    expect(await texts('en')).toEqual(PROBLEMS.map(([, en]) => en));
    expect(await texts('el')).toEqual(PROBLEMS.map(([, , el]) => el));
  });

  it('shows the English a token stored before it kept its problem, or none', async () => {
    await i18n.changeLanguage('el');
    expect(lastErrorText({ lastError: 'Identifier already in use' })).toBe('Identifier already in use');
    expect(lastErrorText({ lastError: 'Identifier already in use', lastProblem: null })).toBe('Identifier already in use');
    expect(lastErrorText({ lastError: null, lastProblem: null })).toBeNull();
  });
});
