import type { Locator, Page } from 'playwright-core';
import { i18n, LANGUAGES, type Language } from '../../renderer/i18n/i18n';
import type { BrowserShell } from '../../scripts/browser-shell/browserShell';
import { startCrmSim, type CrmSim } from '../crm-sim/simulator';
import { goTo, openShell, saveSettings, statusBar, syncNow } from './shellHarness';

/** The app's words in one language, so the tour finds its way in any of them. */
export type Words = (key: string, options?: Record<string, unknown>) => string;
export const wordsIn = (language: Language): Words => (key, options = {}) => i18n.t(key, { ...options, lng: language });
// Every language's catalog, for wordsIn: all but English are loaded when first asked for.
await i18n.loadLanguages(LANGUAGES.map(({ code }) => code));
const EN = wordsIn('en');
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * Every counter screen, opened as a clerk opens it, at the sizes the issue names: the counter's
 * 1366×768, a 1024×768 screen, and 1366×768 at 200 % browser zoom (a 683×384 CSS-pixel viewport).
 * Used by the screenshot script (npm run screens) and by the e2e test of what must stay on screen.
 */
export const SCREEN_SIZES = [
  { name: '1366x768', width: 1366, height: 768 },
  { name: '1024x768', width: 1024, height: 768 },
  { name: 'zoom200', width: 683, height: 384 },
] as const;
export type ScreenSize = (typeof SCREEN_SIZES)[number];

/** A demo token of Maria Georgiou (participant 1) in the simulator's data. */
export const TOUR_CARD = 'B2N5M8Q1W4E7R0TY';
/** An identifier another token already has in the simulator, so a token issued with it is refused. */
const TAKEN_IDENTIFIER = 'ANDREAS79';

export interface TourStop {
  name: string;
  open: (page: Page, words?: Words) => Promise<void>;
}

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { name, level: 2 });
const slip = (page: Page, w: Words = EN) => page.getByRole('article', { name: w('print.slip.title') });

/** Issue opened by its key: an empty form, even after a slip. */
async function openIssue(page: Page, w: Words = EN): Promise<void> {
  await page.keyboard.press('F3');
  await page.getByRole('form', { name: w('issue.form') }).waitFor();
}

export const TOUR: readonly TourStop[] = [
  {
    name: 'token',
    open: async (page, w = EN) => {
      await page.keyboard.press('F2');
      await page.getByRole('searchbox', { name: w('find.searchLabel') }).fill(TOUR_CARD);
      await page.getByRole('searchbox', { name: w('find.searchLabel') }).press('Enter');
      await heading(page, w('token.title', { number: 11 })).waitFor();
      await page.getByText(new RegExp(`^${escaped(w('token.confirmation.confirmed', { when: '' }).trim())}`, 'u')).waitFor();
    },
  },
  {
    name: 'find',
    open: async (page, w = EN) => {
      await page.keyboard.press('F2');
      await page.getByRole('searchbox', { name: w('find.searchLabel') }).fill('georgiou');
      await page.getByRole('list', { name: w('find.results') }).getByRole('button').first().waitFor();
    },
  },
  { name: 'issue', open: (page, w) => openIssue(page, w) },
  {
    name: 'slip',
    open: async (page, w = EN) => {
      await openIssue(page, w);
      await page.getByRole('form', { name: w('issue.form') }).getByLabel(w('issue.participant.label')).press('Control+Enter');
      await slip(page, w).waitFor();
    },
  },
  {
    name: 'pending',
    open: async (page, w = EN) => {
      await page.keyboard.press('F4');
      await page.getByRole('form', { name: w('pending.fix.identifierForm') }).waitFor();
    },
  },
  {
    name: 'stock',
    open: async (page, w = EN) => {
      await page.keyboard.press('F6');
      await page.getByRole('list', { name: w('token.stock.listLabel') }).getByRole('button').first().waitFor();
    },
  },
  {
    name: 'settings',
    open: async (page, w = EN) => {
      await page.keyboard.press('F8');
      await page.getByRole('form', { name: w('settings.scanner.title') }).waitFor();
    },
  },
  {
    name: 'shift',
    open: async (page, w = EN) => {
      await page.keyboard.press('F9');
      await page.getByRole('article', { name: w('shift.slip.title') }).getByRole('region', { name: w('shift.counterTotal') }).waitFor();
    },
  },
];

/** The counter the tour shows: signed in to the simulator, stock on hand, and one refused token waiting in Pending. */
export async function prepareTour(page: Page): Promise<void> {
  await saveSettings(page, { organisation: 'DEMO', username: 'demo', password: 'demo' });
  await goTo(page, 'Issue');
  const form = page.getByRole('form', { name: 'Issue token' });
  await form.getByLabel('Identifier', { exact: true }).fill(TAKEN_IDENTIFIER);
  await form.getByLabel('Pass code', { exact: true }).fill('1111');
  await form.getByLabel('Identifier', { exact: true }).press('Control+Enter');
  await slip(page).waitFor();
  await syncNow(page);
  await statusBar(page).getByRole('button', { name: '1 need attention' }).waitFor();
}

/** Where an element is against the window: wholly inside it (not scrolled to), and its box. */
export async function inWindow(locator: Locator): Promise<{ inside: boolean; top: number; bottom: number }> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return { inside: box.top >= 0 && box.bottom <= window.innerHeight + 0.5 && box.height > 0, top: box.top, bottom: box.bottom };
  });
}

/** A window on the simulator at the counter's size, ready for the tour (the screen-size tests' start). */
export async function openTour(): Promise<{ sim: CrmSim; shell: BrowserShell; page: Page }> {
  const sim = await startCrmSim({ port: 0 });
  const shell = await openShell(sim.url);
  await shell.page.setViewportSize(SCREEN_SIZES[0]);
  await prepareTour(shell.page);
  return { sim, shell, page: shell.page };
}
