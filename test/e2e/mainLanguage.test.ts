import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserShell } from '../../scripts/browser-shell/browserShell';
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
});
