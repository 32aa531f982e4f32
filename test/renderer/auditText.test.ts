import { afterAll, describe, expect, it } from 'vitest';
import { auditRecord, auditText, historyText } from '../../renderer/auditText';
import { i18n } from '../../renderer/i18n';
import { auditSamples } from './auditSamples';

const samples = auditSamples();

afterAll(async () => {
  await i18n.changeLanguage('en');
});

describe('a token’s history in the clerk’s language', () => {
  it('says every kind in English and in Greek, with its data in place', async () => {
    await i18n.changeLanguage('en');
    expect(samples.map(([what]) => auditText(what))).toEqual(samples.map(([, en]) => en));
    await i18n.changeLanguage('el');
    expect(samples.map(([what]) => auditText(what))).toEqual(samples.map(([, , el]) => el));
  });

  it('keeps the record in English, with the refusal’s own message, whatever the language', async () => {
    await i18n.changeLanguage('el');
    expect(samples.map(([what]) => auditRecord(what))).toEqual(samples.map(([, en, , record = en]) => record));
  });

  it('shows the English a row stored before it carried its description', async () => {
    await i18n.changeLanguage('el');
    const old = { at: 1, tokenLocalId: 'local-1', action: 'setState', detail: 'Set not effective', outcome: 'queued' } as const;
    expect(historyText(old)).toBe('Set not effective');
    expect(historyText({ ...old, what: { kind: 'setState', target: 'NOT_EFFECTIVE' } })).toBe('Απενεργοποίηση');
  });
});
