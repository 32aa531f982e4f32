import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { BrowserShell } from '../../scripts/browser-shell/browserShell';
import { CrmClient } from '../../electron/crm/crmClient';
import { CrmSession } from '../../electron/crm/crmSession';
import { startCrmSim, type CrmSim } from '../crm-sim/simulator';
import { COUNTER_SCREEN, focused, hasFocus, screenShot, seriousViolations, sidewaysOverflow } from './a11y';
import { goTo, openShell, saveSettings, statusBar, syncNow, waitForPending } from './shellHarness';

/** A token of participant 1 (Maria Georgiou) in the simulator's demo data, not on the counter yet. */
const MARIAS_CARD = 'B2N5M8Q1W4E7R0TY';
/** Maria's other token in the demo data (identifier MARIAFOB). */
const MARIAS_FOB = 'E3R6T9Y2U5I8O1PQ';
/** An identifier another token already has in the CRM. */
const TAKEN_IDENTIFIER = 'ANDREAS79';

/**
 * A counter's shift, end to end in real Chromium against the CRM simulator: scan a card, issue a
 * token for a participant and print its slip (keyboard only), switch a token off, hand out stock, and
 * settle a conflict and a duplicate identifier. Every screen is checked with axe and photographed at
 * 1366×768.
 */
describe('a counter shift', () => {
  let sim: CrmSim;
  let shell: BrowserShell;
  let page: Page;
  let issuedCode = '';

  const simToken = (code: string) => sim.tokens().find((token) => token.authentication_code === code);
  const search = () => page.getByRole('searchbox', { name: 'Search tokens' });
  const slip = () => page.getByRole('article', { name: 'Your loyalty access token' });
  const slipCode = async () => (await slip().getByLabel('Issued authentication code').textContent())?.trim() ?? '';

  async function checkScreen(name: string): Promise<void> {
    expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
    await screenShot(page, name);
  }

  /**
   * Types like a barcode scanner: a burst of key events ending in Enter, into whatever has the focus,
   * each character landing in a focused field as the browser would put it there. It runs inside the
   * page in one go, as a scanner's keys arrive; keys sent one round trip at a time from the test would
   * arrive as slowly as a loaded machine lets them, which is typing, not a scan.
   */
  async function scan(code: string): Promise<void> {
    await page.evaluate((text) => {
      // As a scanner's keys reach a page: all stamped as they arrive, then handled in turn, however busy the page is.
      const keys = [...text].map((ch) => ({ key: ch, code: /\d/.test(ch) ? `Digit${ch}` : `Key${ch.toUpperCase()}`, shiftKey: /[A-Z]/.test(ch) }));
      keys.push({ key: 'Enter', code: 'Enter', shiftKey: false });
      const events = keys.map(({ key, code, shiftKey }) => new KeyboardEvent('keydown', { key, code, shiftKey, bubbles: true, cancelable: true }));
      events.forEach((event, index) => {
        const target = document.activeElement ?? document.body;
        const key = keys[index]?.key ?? '';
        if (!target.dispatchEvent(event) || key.length !== 1) return;
        if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) {
          Object.getOwnPropertyDescriptor(Object.getPrototypeOf(target) as object, 'value')?.set?.call(target, target.value + key);
          target.dispatchEvent(new Event('input', { bubbles: true }));
        }
      });
    }, code);
  }

  async function pending(): Promise<Locator> {
    await page.keyboard.press('F4');
    const heading = page.getByRole('heading', { name: 'Pending & attention', level: 2 });
    await heading.waitFor();
    return page.getByRole('region', { name: /Needs attention/ });
  }

  beforeAll(async () => {
    sim = await startCrmSim({ port: 0 });
    shell = await openShell(sim.url, { manager: { name: 'Anna', pin: '2468' } });
    page = shell.page;
    await page.setViewportSize(COUNTER_SCREEN);
  });

  afterAll(async () => {
    await shell?.close();
    await sim?.close();
  });

  it('0. signs in, tests the connection, names the counter and fills the stock', async () => {
    await saveSettings(page, { organisation: 'DEMO', username: 'demo', password: 'demo' });
    const crm = page.getByRole('form', { name: 'Settings' });
    await crm.getByRole('button', { name: 'Test connection' }).click();
    await crm.getByText('Connected: the CRM accepted the sign-in.').waitFor();

    const counter = page.getByRole('form', { name: 'Counter' });
    await counter.getByLabel('Terminal name').fill('Counter 2');
    await counter.getByRole('button', { name: 'Save counter settings' }).click();
    await counter.getByText('Counter settings saved').waitFor();
    await syncNow(page);
    await statusBar(page).getByText('Online', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Settings', level: 2 }).focus();
    await checkScreen('settings');
  });

  it('1. a scanned card opens its token: looked up in the CRM and confirmed', async () => {
    await page.keyboard.press('F2');
    expect(await focused(page)).toBe('#search-tokens');
    await scan(MARIAS_CARD);
    await page.getByRole('heading', { name: 'Token 11', level: 2 }).waitFor();
    await page.getByText(/^Confirmed by CRM (just now|\d+ min ago)$/).waitFor();
    expect(await page.locator('dd').filter({ hasText: /^MARIA1984$/ }).count()).toBe(1);
    await page.getByText('1 — Maria Georgiou', { exact: true }).waitFor();
    await page.getByRole('list', { name: 'Participant tokens' }).getByRole('button', { name: /E3R6T9Y2U5I8O1PQ/ }).waitFor();
    await checkScreen('token');

    // A scan on the token screen opens the scanned token (the one the simulator gives participant 1 too).
    await scan(MARIAS_FOB);
    await page.getByRole('heading', { name: /^Token \d+$/, level: 2 }).filter({ hasNotText: 'Token 11' }).waitFor();
    await page.locator('dd').filter({ hasText: /^MARIAFOB$/ }).waitFor();
    // And from this token screen back to the card, now on the counter: no field on the way keeps the scan.
    await scan(MARIAS_CARD);
    await page.getByRole('heading', { name: 'Token 11', level: 2 }).waitFor();
    expect(await page.locator('input').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value).filter((value) => value !== ''))).toEqual([]);

    // Esc goes back to Find, ready for the next scan; the card scanned again opens from the cache.
    await page.keyboard.press('Escape');
    expect(await focused(page)).toBe('#search-tokens');
    await scan(MARIAS_CARD);
    await page.getByRole('heading', { name: 'Token 11', level: 2 }).waitFor();
    await page.keyboard.press('Escape');

    await page.keyboard.type('maria');
    const results = page.getByRole('list', { name: 'Search results' });
    await results.getByRole('button', { name: /MARIAFOB/ }).waitFor();
    expect(await results.getByRole('button').count()).toBe(2);
    await checkScreen('find');
    await page.keyboard.press('Escape');
    expect(await search().inputValue()).toBe('');
  });

  it('2. issues a token for a participant with the keyboard only', async () => {
    await page.keyboard.press('F3');
    const form = page.getByRole('form', { name: 'Issue token' });
    await form.waitFor();
    const identifier = form.getByLabel('Identifier', { exact: true });
    // A card scanned while the identifier field has the focus opens that card's token; the field keeps nothing of it.
    await identifier.focus();
    await page.keyboard.type('SH', { delay: 150 });
    await scan(MARIAS_CARD);
    await page.getByRole('heading', { name: 'Token 11', level: 2 }).waitFor();
    await page.keyboard.press('F3');
    await form.waitFor();
    expect(await identifier.inputValue()).toBe('SH');
    await identifier.fill('');

    // Issue opened afresh puts the participant first, with the focus.
    await page.keyboard.press('F2');
    await page.keyboard.press('F3');
    await form.waitFor();
    expect(await hasFocus(form.getByLabel('Participant number (optional)'))).toBe(true);
    await page.keyboard.type('1');
    await form.getByText('Owner: Maria Georgiou').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.type('SHIFT0001');
    await page.keyboard.press('Tab'); // Generate identifier
    await page.keyboard.press('Tab');
    await page.keyboard.type('4321');
    await page.keyboard.press('Tab'); // Generate pass code
    await page.keyboard.press('Tab');
    expect(await hasFocus(form.getByLabel('Classification'))).toBe(true);
    await page.keyboard.press('ArrowDown'); // the first classification
    expect(await form.getByLabel('Classification').evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.text)).toBe('Plastic card');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/^Issue token/);
    await checkScreen('issue');

    await page.keyboard.press('Enter');
    await slip().waitFor();
    issuedCode = await slipCode();
    expect(issuedCode).toMatch(/^[A-Z0-9]{16}$/);
    await slip().getByText('1 — Maria Georgiou').waitFor();
    await slip().getByText('Plastic card').waitFor();
    await slip().getByText(/Anna at Counter 2/).waitFor();
    expect(await slip().getByRole('img', { name: `QR code of authentication code ${issuedCode}` }).count()).toBe(1);
    expect(await slip().textContent()).not.toContain('4321');
    await checkScreen('slip');
  });

  it('3. prints the slip: the print stylesheet leaves the slip alone on the page', async () => {
    expect(await focused(page)).toMatch(/^Print slip/);
    // Count the calls on their way to the real window.print (headless Chromium prints nowhere and fires no events).
    await page.evaluate(() => {
      const counted = window as unknown as { printed: number };
      const print = window.print.bind(window);
      counted.printed = 0;
      window.print = () => {
        counted.printed += 1;
        print();
      };
    });
    await page.keyboard.press('Enter'); // "Print slip"
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    await page.emulateMedia({ media: 'print' });
    expect(await slip().isVisible()).toBe(true);
    expect(await page.getByRole('navigation', { name: 'Screens' }).isVisible()).toBe(false);
    expect(await statusBar(page).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: 'Token issued' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: /Print slip/ }).isVisible()).toBe(false);
    expect(await page.getByText('Queued — will sync when online').isVisible()).toBe(false);
    await screenShot(page, 'slip-print');
    await page.emulateMedia({ media: 'screen' });
    // Hiding the button for print took its focus; the operator's focus was still on it.
    await page.getByRole('button', { name: /Print slip/ }).focus();

    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Next customer');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('#search-tokens');
    expect(await search().inputValue()).toBe('');
  });

  it('4. switches a token to Not effective, after a confirmation', async () => {
    await syncNow(page);
    await waitForPending(page, 0);
    expect(simToken(issuedCode)).toMatchObject({ identifier: 'SHIFT0001', participant_id: 'BC7AF93966D18D3648D2C284E0324230' });

    await scan(issuedCode);
    const toggle = page.getByRole('switch', { name: 'Effective' });
    await toggle.waitFor();
    await toggle.click();
    const dialog = page.getByRole('alertdialog', { name: 'Set this token to Not effective?' });
    await dialog.waitFor();
    expect(await seriousViolations(page), 'axe on the confirmation').toEqual([]);
    await screenShot(page, 'confirm');
    // Focus stays in the dialog (Cancel first: this stops the card working), and Esc cancels.
    expect(await focused(page)).toMatch(/^Cancel/);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/^Cancel/);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    expect(await focused(page)).toBe('Effective');

    await toggle.click();
    await dialog.getByRole('button', { name: 'Set not effective' }).click();
    await page.getByRole('switch', { name: 'Effective', checked: false }).waitFor();
    await waitForPending(page, 1);
    await syncNow(page);
    await waitForPending(page, 0);
    expect(simToken(issuedCode)?.life_cycle_state).toBe('NOT_EFFECTIVE');
    await page.keyboard.press('Escape');
  });

  it('5. hands out a stock token with an identifier', async () => {
    await page.keyboard.press('F6');
    const stock = page.getByRole('list', { name: 'Stock tokens' });
    await stock.getByRole('button').first().waitFor();
    const onHand = await stock.getByRole('button').count();
    expect(onHand).toBe(9);
    await checkScreen('stock');

    await page.getByRole('button', { name: 'Hand out a stock token' }).click();
    const form = page.getByRole('form', { name: 'Hand out from stock' });
    const first = form.getByRole('radio').first();
    expect(await first.isChecked()).toBe(true);
    // Scanning the physical card picks it from the list.
    const third = form.getByRole('radio').nth(2);
    const thirdCode = (await form.locator('.choice').nth(2).locator('.code').textContent()) ?? '';
    // Even with the identifier field focused: the card is picked and the field keeps nothing of the scan.
    await form.getByLabel('Identifier', { exact: true }).focus();
    await scan(thirdCode);
    await expect.poll(() => third.isChecked()).toBe(true);
    expect(await form.getByLabel('Identifier', { exact: true }).inputValue()).toBe('');
    expect(await page.getByRole('heading', { name: 'Issue a token', level: 2 }).count()).toBe(1);
    await first.check();
    await form.getByLabel('Identifier', { exact: true }).fill('STOCK0001');
    await form.getByLabel('Pass code', { exact: true }).fill('5555');
    await form.getByRole('button', { name: 'Hand out token' }).click();
    await slip().waitFor();
    const code = await slipCode();
    expect(simToken(code)?.participant_id).toBeNull();

    await page.keyboard.press('F6');
    await page.getByRole('definition').filter({ hasText: /^8$/ }).waitFor();
    expect(await stock.getByRole('button', { name: new RegExp(code) }).count()).toBe(0);
    await syncNow(page);
    await waitForPending(page, 0);
    expect(simToken(code)?.identifier).toBe('STOCK0001');
  });

  it('6. settles a conflict and a duplicate identifier on Pending & attention', async () => {
    // The operator opens the token (the app confirms it with the CRM) ...
    await page.keyboard.press('F2');
    await scan(issuedCode);
    await page.getByText(/^Confirmed by CRM/).waitFor();
    // ... meanwhile another counter renames it, through its own CRM session ...
    const elsewhere = new CrmSession(new CrmClient({ serverUrl: sim.url }), { username: 'demo', password: 'demo', organisation: 'DEMO' });
    await elsewhere.call((client, token) =>
      client.updateToken(token, { access_token_identifier: { authentication_code: issuedCode }, identifier: 'ELSEWHERE1', pass_code: '9999' }),
    );
    await elsewhere.close();
    // ... and the operator, not knowing, renames it too.
    await page.getByRole('button', { name: 'Edit identifier' }).click();
    const edit = page.getByRole('form', { name: 'Edit identifier' });
    await edit.getByLabel('New identifier').fill('MINE00001');
    await edit.getByLabel('New pass code').fill('1212');
    await edit.getByRole('button', { name: 'Save identifier' }).click();
    await page.locator('dd').filter({ hasText: /^MINE00001$/ }).waitFor();

    // And issues a token whose identifier another token already has in the CRM.
    await page.keyboard.press('F3');
    const form = page.getByRole('form', { name: 'Issue token' });
    await form.getByLabel('Identifier', { exact: true }).fill(TAKEN_IDENTIFIER);
    await form.getByLabel('Pass code', { exact: true }).fill('1111');
    await form.getByRole('button', { name: 'Issue token' }).click();
    const duplicateCode = await slipCode();

    await syncNow(page);
    await statusBar(page).getByRole('button', { name: '1 conflict' }).waitFor();
    await statusBar(page).getByRole('button', { name: '1 need attention' }).waitFor();

    const attention = await pending();
    const conflict = attention.getByRole('article', { name: /^Conflict: update/ });
    const row = conflict.getByRole('row', { name: /identifier/ });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual(['ELSEWHERE1', 'MINE00001']);
    const refused = attention.getByRole('article', { name: /^Refused: create/ });
    await refused.getByText(/already/i).first().waitFor();
    await checkScreen('pending');
    await page.setViewportSize({ width: COUNTER_SCREEN.width / 2, height: COUNTER_SCREEN.height / 2 });
    expect(await sidewaysOverflow(page), 'Pending & attention with its cards at 200 %').toEqual([]);
    await page.setViewportSize(COUNTER_SCREEN);

    await conflict.getByRole('button', { name: 'Apply mine' }).click();
    const fix = refused.getByRole('form', { name: 'Fix identifier' });
    await fix.getByLabel('Identifier').fill('ANDREAS80');
    await fix.getByRole('button', { name: 'Save and retry' }).click();
    await waitForPending(page, 2);
    await syncNow(page);
    await waitForPending(page, 0);
    await attention.getByText(/^Nothing needs attention/).waitFor();
    expect(simToken(issuedCode)?.identifier).toBe('MINE00001');
    expect(simToken(duplicateCode)?.identifier).toBe('ANDREAS80');
    expect(sim.tokens().filter((token) => token.identifier === TAKEN_IDENTIFIER)).toHaveLength(1);
  });

  it('7. reads without sideways scrolling at 200 % zoom', async () => {
    await page.setViewportSize({ width: COUNTER_SCREEN.width / 2, height: COUNTER_SCREEN.height / 2 });
    try {
      for (const screen of ['Find', 'Issue', 'Pending', 'Stock', 'Settings'] as const) {
        await goTo(page, screen);
        await page.getByRole('heading', { level: 2 }).first().waitFor();
        expect(await sidewaysOverflow(page), `${screen} at 200 %`).toEqual([]);
      }
      await page.keyboard.press('F2');
      await scan(issuedCode);
      await page.getByRole('switch', { name: 'Effective' }).waitFor();
      expect(await sidewaysOverflow(page), 'Token detail at 200 %').toEqual([]);
      await screenShot(page, 'token-zoom-200');
    } finally {
      await page.setViewportSize(COUNTER_SCREEN);
    }
  });
});
