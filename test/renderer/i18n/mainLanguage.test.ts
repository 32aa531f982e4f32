import { afterAll, describe, expect, it } from 'vitest';
import type { LanguageCode } from '../../../shared/ipc/contract';
import { i18n, mainLanguage, PSEUDO, tellMainTheLanguage } from '../../../renderer/i18n';

describe("telling main the counter's language", () => {
  afterAll(() => i18n.changeLanguage('en'));

  it('maps each language to its code for main, and the pseudo-locale to English', () => {
    expect(mainLanguage('en')).toBe('en');
    expect(mainLanguage('el')).toBe('el');
    expect(mainLanguage(PSEUDO)).toBe('en');
  });

  it('tells main the language at once, then at every change', async () => {
    await i18n.changeLanguage('el');
    const told: LanguageCode[] = [];
    tellMainTheLanguage(async ({ language }) => (told.push(language), {}));
    expect(told).toEqual(['el']);
    await i18n.changeLanguage('en');
    await i18n.changeLanguage(PSEUDO);
    await i18n.changeLanguage('el');
    expect(told).toEqual(['el', 'en', 'en', 'el']);
  });
});
