import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserShell } from '../../scripts/browser-shell/browserShell';
import { catalog as greek } from '../../renderer/i18n/areas/el';
import { english } from '../../renderer/i18n/catalog';
import { eventually, openShell } from './shellHarness';

/** The real window, through the same preload factory and router as Electron, tells main its language. */
describe("main hears the counter's language from the window", () => {
  let shell: BrowserShell;

  beforeAll(async () => {
    // The first start: nobody can sign in yet, and main must hear the language all the same.
    shell = await openShell(undefined, { manager: null });
  }, 120_000);
  afterAll(async () => {
    await shell?.close();
  });

  it('at each start, before anyone signs in, in the language the counter keeps', async () => {
    const { page, services } = shell;
    await page.getByRole('form', { name: 'Create the first manager' }).waitFor();
    expect(services.language.current()).toBe('en');
    await page.evaluate(() => localStorage.setItem('tokenDesk.language', 'el'));
    await page.reload();
    await eventually("main heard 'el'", () => services.language.current() === 'el');
    await page.evaluate(() => localStorage.setItem('tokenDesk.language', 'en'));
    await page.reload();
    await eventually("main heard 'en' again", () => services.language.current() === 'en');
  }, 120_000);

  it('shows a Greek counter Greek from its first text: its catalog is loaded before the first render', async () => {
    const { page } = shell;
    await page.evaluate(() => localStorage.setItem('tokenDesk.language', 'el'));
    // Every text the page's root ever shows, from before the app's script runs.
    await page.addInitScript(() => {
      const shown: string[] = [];
      Object.assign(window, { shownTexts: shown });
      new MutationObserver(() => {
        const text = document.getElementById('root')?.textContent;
        if (text) shown.push(text);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.reload();
    await page.getByRole('form', { name: greek.operators.first.title }).waitFor();
    const shown = await page.evaluate(() => (window as unknown as { shownTexts: string[] }).shownTexts);
    expect(shown.length).toBeGreaterThan(0);
    for (const text of shown) {
      expect(text).toMatch(/\p{Script=Greek}/u);
      expect(text).not.toContain(english.shell.opening);
      expect(text).not.toContain(english.operators.first.title);
    }
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('el');
    await page.evaluate(() => localStorage.setItem('tokenDesk.language', 'en'));
  }, 120_000);
});
