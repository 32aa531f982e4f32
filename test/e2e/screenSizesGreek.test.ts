import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { BrowserShell } from '../../scripts/browser-shell/browserShell';
import type { CrmSim } from '../crm-sim/simulator';
import { seriousViolations, sidewaysOverflow } from './a11y';
import { inWindow, openTour, SCREEN_SIZES, TOUR, wordsIn } from './screenTour';

const EL = wordsIn('el');
/** Greek words run longer than English: the counter's two screen sizes, in Greek. */
const SIZES = SCREEN_SIZES.filter((size) => size.name !== 'zoom200');

describe('every screen in Greek', () => {
  let sim: CrmSim;
  let shell: BrowserShell;
  let page: Page;

  beforeAll(async () => {
    ({ sim, shell, page } = await openTour());
    // The language as Settings keeps it; the app reads it as it starts.
    await page.evaluate(() => localStorage.setItem('tokenDesk.language', 'el'));
    await page.reload();
    await page.locator('html[lang="el"]').waitFor({ state: 'attached' });
  }, 120_000);

  afterAll(async () => {
    await shell?.close();
    await sim?.close();
  });

  for (const size of SIZES) {
    for (const stop of TOUR) {
      it(`${stop.name} at ${size.name}: the status bar on screen in one row, nothing sideways, axe clean`, async () => {
        await page.setViewportSize(size);
        await stop.open(page, EL);
        const bar = await inWindow(page.getByRole('contentinfo', { name: EL('shell.status.label') }));
        expect(bar.inside).toBe(true);
        expect(bar.bottom - bar.top).toBeLessThan(80);
        expect(await sidewaysOverflow(page)).toEqual([]);
        expect(await seriousViolations(page)).toEqual([]);
      }, 120_000);
    }
  }
});
