import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { BrowserShell } from '../../scripts/browser-shell/browserShell';
import { codeGroups } from '../../renderer/labels';
import { E2E_MANAGER, goTo, issueToken, openShell, screenshot } from './shellHarness';
import { readCode128, readPdf, readQr, type PdfPage } from './slipCodes';

const POINTS_PER_MM = 72 / 25.4;
const SHOP = 'Kafeneio Nikos';
const INSTRUCTIONS = 'Show this slip at the till to collect your points.';

async function savePrinting(page: Page, fields: { paper?: string; shopName?: string; instructions?: string }): Promise<void> {
  await goTo(page, 'Settings');
  const form = page.getByRole('form', { name: 'Receipt printing' });
  if (fields.paper) await form.getByRole('radio', { name: fields.paper }).check();
  if (fields.shopName !== undefined) await form.getByLabel('Shop name').fill(fields.shopName);
  if (fields.instructions !== undefined) await form.getByLabel('Instructions').fill(fields.instructions);
  await form.getByRole('button', { name: 'Save printing settings' }).click();
}

/** The slip on screen as Chromium prints it, the page size taken from the slip's own @page rule. */
async function printToPdf(page: Page): Promise<PdfPage[]> {
  return readPdf(await page.pdf({ preferCSSPageSize: true }));
}

/**
 * Counts the calls to window.print instead of opening the dialog: headless Chromium's dialog never
 * closes, and the page could not print to PDF after it.
 */
async function countPrints(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const counted = window as unknown as { printed: number };
    counted.printed = 0;
    window.print = () => {
      counted.printed += 1;
    };
  });
  return () => page.evaluate(() => (window as unknown as { printed: number }).printed);
}

describe('the slip, printed at the paper chosen in Settings', () => {
  let shell: BrowserShell;

  beforeAll(async () => {
    shell = await openShell();
  });
  afterAll(async () => {
    await shell?.close();
  });

  it('refuses a shop name that is too long, in words, and saves nothing', async () => {
    const { page } = shell;
    await savePrinting(page, { shopName: 'x'.repeat(41) });
    await page.getByRole('form', { name: 'Receipt printing' }).getByRole('alert').filter({ hasText: 'The shop name is at most 40 characters.' }).waitFor();
    await goTo(page, 'Find');
    await goTo(page, 'Settings');
    expect(await page.getByRole('form', { name: 'Receipt printing' }).getByLabel('Shop name').inputValue()).toBe('');
  });

  it('test-prints a sample slip through the print dialog in the browser shell', async () => {
    const { page } = shell;
    await savePrinting(page, { paper: '58 mm receipt roll', shopName: SHOP, instructions: INSTRUCTIONS });
    await page.getByRole('status').filter({ hasText: 'Printing settings saved' }).waitFor();
    const printed = await countPrints(page);
    await page.getByRole('button', { name: 'Test print' }).click();
    await expect.poll(printed).toBe(1);
    const sample = page.getByRole('article', { name: 'Your loyalty access token' });
    await sample.getByText('TEST PRINT — NOT A TOKEN').waitFor();
    await sample.getByText(SHOP).waitFor();
  });

  for (const [paper, label, widthMm] of [
    ['58mm', '58 mm receipt roll', 58],
    ['80mm', '80 mm receipt roll', 80],
  ] as const) {
    it(`prints to PDF at ${paper}: one page as wide as the paper, the code on one line in groups, the shop's name and instructions`, async () => {
      const { page } = shell;
      await savePrinting(page, { paper: label });
      await page.getByRole('status').filter({ hasText: 'Printing settings saved' }).waitFor();
      const code = await issueToken(page, `PRINT${widthMm}A`, '2468');
      const slip = page.getByRole('article', { name: 'Your loyalty access token' });
      expect(await slip.getAttribute('class')).toContain(`paper-${paper}`);
      await screenshot(page, `slip-${paper}`);

      const pages = await printToPdf(page);
      expect(pages).toHaveLength(1);
      const [printed] = pages as [PdfPage];
      expect(Math.abs(printed.widthPt - widthMm * POINTS_PER_MM)).toBeLessThan(1);
      const groups = codeGroups(code);
      expect(groups.length).toBeGreaterThan(1);
      // The groups' gaps come out as spaces: one line, the code in groups, and no part of it anywhere else.
      const codeLines = printed.lines.map((line) => line.runs.join(' ')).filter((line) => groups.some((group) => line.includes(group)));
      expect(codeLines).toEqual([groups.join(' ')]);
      // Free text may wrap at the slip's width; read it as a person would, line after line.
      const text = printed.lines.map((line) => line.runs.join(' ')).join(' ');
      expect(text).toContain(SHOP);
      expect(text).toContain(INSTRUCTIONS);
      expect(text).not.toContain('2468');
    });
  }

  for (const [paper, label, widthMm] of [
    ['58mm', '58 mm receipt roll', 58],
    ['80mm', '80 mm receipt roll', 80],
  ] as const) {
    it(`prints the end-of-shift summary like a slip at ${paper}: through the dialog in the browser shell, one page as wide as the paper, with the summary's words and numbers`, async () => {
      const { page } = shell;
      await savePrinting(page, { paper: label });
      await page.getByRole('status').filter({ hasText: 'Printing settings saved' }).waitFor();
      await issueToken(page, `SHIFT${widthMm}A`, '2468');
      await page.keyboard.press('F9');
      const summary = page.getByRole('article', { name: 'End-of-shift summary' });
      await summary.and(page.locator(`.paper-${paper}`)).waitFor();
      const whole = summary.getByRole('region', { name: 'Whole counter' });
      const issued = await whole.getByRole('definition').first().textContent();
      expect(Number(issued)).toBeGreaterThan(0);
      await screenshot(page, `shift-summary-${paper}`);

      const printed = await countPrints(page);
      await page.getByRole('button', { name: 'Print summary' }).click();
      await expect.poll(printed).toBe(1);
      const pages = await printToPdf(page);
      expect(pages).toHaveLength(1);
      const [sheet] = pages as [PdfPage];
      expect(Math.abs(sheet.widthPt - widthMm * POINTS_PER_MM)).toBeLessThan(1);
      const lines = sheet.lines.map((line) => line.runs.join(' '));
      expect(lines).toEqual(expect.arrayContaining(['Whole counter', E2E_MANAGER.name, `Issued ${issued}`, 'Needing attention 0']));
      // The title may wrap at the paper's width: read it as a person would. Nothing of the screen around it is printed.
      const text = lines.join(' ');
      expect(text).toContain('End-of-shift summary');
      expect(text).toContain(`Taken by ${E2E_MANAGER.name}`);
      expect(text).not.toContain('Close shift');
    });
  }

  it('has a QR code and a Code 128 barcode that both read back to the code', async () => {
    const { page } = shell;
    const code = await issueToken(page, 'SCANBACK1', '1357');
    const slip = page.getByRole('article', { name: 'Your loyalty access token' });
    expect(await readQr(slip.getByRole('img', { name: `QR code of authentication code ${code}` }))).toBe(code);
    expect(await readCode128(slip.getByRole('img', { name: `Barcode of authentication code ${code}` }))).toBe(code);
  });
});
