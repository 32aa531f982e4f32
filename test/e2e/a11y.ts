import { AxeBuilder } from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SCREENSHOT_DIR } from './shellHarness';

/** The counter screen the issue asks the app to read well on. */
export const COUNTER_SCREEN = { width: 1366, height: 768 };

/** axe-core's serious and critical findings on the page as it is now, one line each (empty: none). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** What the window shows (not the whole page), as a counter sees it. */
export async function screenShot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/**
 * What sticks out of the window sideways (the usual failure at 200 % zoom): the innermost elements
 * reaching past its right edge, as tag.class; empty when the page fits.
 */
export function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    if (document.documentElement.scrollWidth <= window.innerWidth + 1) return [];
    const past = (element: Element) => element.getBoundingClientRect().right > window.innerWidth + 1;
    return [...document.querySelectorAll('body *')]
      .filter((element) => past(element) && ![...element.children].some(past))
      .slice(0, 10)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}: ${(element.textContent ?? '').slice(0, 40)}`);
  });
}

/** The focused element's own id (#id; React's generated ids do not count) or else its text, to follow keyboard-only steps. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement)) return '';
    return /^[a-z][\w-]*$/i.test(element.id) ? `#${element.id}` : (element.textContent ?? '').trim();
  });
}

/** Whether the element has the keyboard focus. */
export function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}
