import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { BrowserShell } from '../../scripts/browser-shell/browserShell';
import type { CrmSim } from '../crm-sim/simulator';
import { seriousViolations, sidewaysOverflow } from './a11y';
import { inWindow, openTour, SCREEN_SIZES, TOUR, type ScreenSize, type TourStop } from './screenTour';
import { statusBar } from './shellHarness';

/**
 * Every screen at 1366×768, 1024×768 and 200 % zoom: the status bar is always on screen in one row,
 * nothing sticks out sideways, the Issue save button is in the first viewport (where a whole form
 * can fit), and axe finds nothing serious, with the pointer over the current screen's button and
 * with a control focused from the keyboard too.
 */
describe('every screen at every size', () => {
  let sim: CrmSim;
  let shell: BrowserShell;
  let page: Page;

  beforeAll(async () => {
    ({ sim, shell, page } = await openTour());
  }, 120_000);

  afterAll(async () => {
    await shell?.close();
    await sim?.close();
  });

  /** axe as the screen is, with the pointer over the current screen's nav button, and with the keyboard focus on a control. */
  async function axeInEveryState(where: string): Promise<void> {
    expect(await seriousViolations(page), `axe on ${where}`).toEqual([]);
    // The current screen's button (Token detail has none: then Find's), where the hover once dropped the contrast.
    const nav = page.getByRole('navigation', { name: 'Screens' });
    const current = nav.locator('button[aria-current="page"]');
    await ((await current.count()) > 0 ? current : nav.getByRole('button', { name: 'Find' })).hover();
    expect(await seriousViolations(page), `axe on ${where}, nav button hovered`).toEqual([]);
    await page.mouse.move(0, 0);
    await page.keyboard.press('Tab');
    expect(await seriousViolations(page), `axe on ${where}, a control focused`).toEqual([]);
  }

  /** One screen at one size: opened afresh, then every check. */
  async function checkStop(size: ScreenSize, stop: TourStop): Promise<void> {
    const where = `${stop.name} at ${size.name}`;
    await page.setViewportSize(size);
    await stop.open(page);
    const bar = await inWindow(statusBar(page));
    expect(bar.inside, `status bar on screen: ${where}`).toBe(true);
    expect(bar.bottom - bar.top, `status bar in one row: ${where}`).toBeLessThan(80);
    expect(await sidewaysOverflow(page), `sideways overflow: ${where}`).toEqual([]);
    if (stop.name === 'issue') await checkIssueSave(size);
    if (size.name === '1366x768') await axeInEveryState(where);
    else expect(await seriousViolations(page), `axe on ${where}`).toEqual([]);
  }

  /** The save button: in the first viewport, above the status bar, wherever the window is tall enough for the form. */
  async function checkIssueSave(size: ScreenSize): Promise<void> {
    const save = page.getByRole('form', { name: 'Issue token' }).getByRole('button', { name: /^Issue token/ });
    const bar = await inWindow(statusBar(page));
    if (size.height >= 768) {
      expect(await page.evaluate(() => window.scrollY), `Issue opened unscrolled at ${size.name}`).toBe(0);
      const button = await inWindow(save);
      expect(button.inside, `Issue save button in the first viewport at ${size.name}`).toBe(true);
      expect(button.bottom, `Issue save button above the status bar at ${size.name}`).toBeLessThanOrEqual(bar.top);
    } else {
      // At 200 % the form is taller than the window: scrolled to, the button is not under the status bar.
      await save.scrollIntoViewIfNeeded();
      const button = await inWindow(save);
      expect(button.bottom, `Issue save button above the status bar at ${size.name}`).toBeLessThanOrEqual((await inWindow(statusBar(page))).top);
      await page.evaluate(() => window.scrollTo(0, 0));
    }
  }

  // One test per screen and size, each with room for axe on a loaded machine.
  for (const size of SCREEN_SIZES) {
    for (const stop of TOUR) it(`${stop.name} at ${size.name}`, () => checkStop(size, stop), 120_000);
  }
});
