import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { english } from '../../../renderer/i18n/catalog';
import { catalog as greek } from '../../../renderer/i18n/areas/el';

/** A fresh start of the renderer's i18n, as a window's first load of the page. */
async function freshStart(stored: string | null) {
  if (stored) localStorage.setItem('tokenDesk.language', stored);
  vi.resetModules();
  return import('../../../renderer/i18n/i18n');
}

beforeEach(() => localStorage.clear());
afterEach(() => localStorage.clear());

describe("a language's catalog is loaded when it is chosen", () => {
  it('speaks English at once, with nothing to load', async () => {
    const { i18n, t } = await freshStart(null);
    expect(i18n.language).toBe('en');
    expect(t('operators.first.title')).toBe(english.operators.first.title);
    expect(i18n.hasResourceBundle('el', 'translation')).toBe(false);
  });

  it('has a Greek counter’s catalog loaded when the start is ready, so the first render is Greek', async () => {
    const { i18n, languageLoaded, t } = await freshStart('el');
    await languageLoaded;
    expect(i18n.language).toBe('el');
    expect(document.documentElement.lang).toBe('el');
    expect(t('operators.first.title')).toBe(greek.operators.first.title);
    expect(t('find.matches', { count: 2, query: 'x' })).toBe('2 αποτελέσματα για «x»');
  });

  it('switches only once the chosen catalog is loaded, and remembers the choice', async () => {
    const { chooseLanguage, i18n, t } = await freshStart(null);
    const switching = chooseLanguage('el');
    expect(i18n.language).toBe('en');
    await switching;
    expect(i18n.language).toBe('el');
    expect(t('shell.nav.find')).toBe(greek.shell.nav.find);
    expect(localStorage.getItem('tokenDesk.language')).toBe('el');
    await chooseLanguage('en');
    expect(t('shell.nav.find')).toBe(english.shell.nav.find);
  });
});
