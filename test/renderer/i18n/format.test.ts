import { afterEach, describe, expect, it } from 'vitest';
import { formatAge, formatCrmDate, i18n, t } from '../../../renderer/i18n';

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('formatting and plurals follow the chosen language', () => {
  it('shows a CRM time as the CRM wrote it, in the language’s order, never shifted to this computer’s zone', async () => {
    expect(formatCrmDate('2024-01-11T21:01:00')).toBe('1/11/24, 9:01 PM');
    await i18n.changeLanguage('el');
    expect(formatCrmDate('2024-01-11T21:01:00')).toBe('11/1/24, 9:01 μ.μ.');
    expect(formatCrmDate('not a date')).toBe('not a date');
  });

  it('gives durations in the language’s units', async () => {
    expect([formatAge(30_000), formatAge(5 * 60_000), formatAge(2 * 86_400_000)]).toEqual(['under 1 min', '5 min', '2 days']);
    await i18n.changeLanguage('el');
    expect([formatAge(30_000), formatAge(5 * 60_000), formatAge(2 * 86_400_000)]).toEqual(['< 1 λ.', '5 λ.', '2 ημέρες']);
  });

  it('picks the plural form by Intl.PluralRules', async () => {
    expect([t('find.matches', { count: 1, query: 'x' }), t('find.matches', { count: 2, query: 'x' })]).toEqual(['1 match for “x”', '2 matches for “x”']);
    await i18n.changeLanguage('el');
    expect([t('find.matches', { count: 1, query: 'x' }), t('find.matches', { count: 2, query: 'x' })]).toEqual(['1 αποτέλεσμα για «x»', '2 αποτελέσματα για «x»']);
  });
});
