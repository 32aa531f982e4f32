import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserShell } from '../../scripts/browser-shell/browserShell';
import { startCrmSim, type CrmSim } from '../crm-sim/simulator';
import { seriousViolations } from './a11y';
import { goTo, issueToken, openShell, saveSettings, screenshot, signInFirstManager, syncNow, waitForPending, type Operator } from './shellHarness';

const MARIA: Operator = { name: 'Maria', pin: '2468' };
const NIKOS: Operator = { name: 'Nikos', pin: '1357' };
const NIKOS_BADGE = 'BADGE-NIKOS-77';

interface AuditEntry {
  action: string;
  outcome: string;
  detail: string;
  operator?: string | null;
  operatorId?: string | null;
  approvedBy?: string | null;
  approvedById?: string | null;
}

/** The counter's whole audit log, read raw from IndexedDB, oldest first. */
function readAudit(page: Page): Promise<AuditEntry[]> {
  return page.evaluate(
    () =>
      new Promise<AuditEntry[]>((resolve, reject) => {
        const open = indexedDB.open('token-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('audit').objectStore('audit').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as AuditEntry[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** No serious accessibility finding on the screen as it is, and a screenshot of it. */
async function checkScreen(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
  await screenshot(page, name);
}

const operatorGroup = (page: Page) => page.getByRole('group', { name: 'Operator' });

async function signInWithPin(page: Page, operator: Operator, role: 'manager' | 'clerk'): Promise<void> {
  const form = page.getByRole('form', { name: 'Sign in with a PIN' });
  await form.getByLabel('Operator').selectOption({ label: `${operator.name} (${role})` });
  await form.getByLabel('PIN', { exact: true }).fill(operator.pin);
  await form.getByRole('button', { name: 'Sign in', exact: true }).click();
  await operatorGroup(page).getByText(operator.name, { exact: true }).waitFor();
}

async function switchOperator(page: Page): Promise<void> {
  await operatorGroup(page).locator('summary').click();
  await operatorGroup(page).getByRole('button', { name: 'Switch operator' }).click();
  await page.getByRole('heading', { name: 'Sign in', level: 2 }).waitFor();
}

describe('a shift with operators', () => {
  let sim: CrmSim;
  let shell: BrowserShell;
  let page: Page;
  const codes: Record<string, string> = {};

  beforeAll(async () => {
    sim = await startCrmSim({ port: 0 });
    shell = await openShell(sim.url, { manager: null });
    page = shell.page;
    // The page's clock, faked from its first script on: it runs as usual until the test moves it on.
    await page.clock.install();
    await page.reload();
  });

  afterAll(async () => {
    await shell?.close();
    await sim?.close();
  });

  it('starts by creating the first manager, who connects the CRM and adds a clerk', async () => {
    await page.getByRole('form', { name: 'Create the first manager' }).waitFor();
    await checkScreen(page, 'first-manager');
    await signInFirstManager(page, MARIA);
    await saveSettings(page, { organisation: 'DEMO', username: 'demo', password: 'demo' });
    const add = page.getByRole('form', { name: 'Add an operator' });
    await add.getByLabel('Name of the new operator').fill(NIKOS.name);
    await add.getByLabel('Role').selectOption('clerk');
    await add.getByLabel('PIN of the new operator').fill(NIKOS.pin);
    await add.getByLabel('Badge code (optional)').fill(NIKOS_BADGE);
    await add.getByRole('button', { name: 'Add operator' }).click();
    await add.getByText('Nikos can now sign in as clerk.').waitFor();
    await page.getByRole('list', { name: 'Operators of this counter' }).getByText('Nikos', { exact: true }).waitFor();
    codes.MGR00001 = await issueToken(page, 'MGR00001', '2468');
    await syncNow(page);
    await waitForPending(page, 0);
  });

  it('signs in the clerk, after refusing a wrong PIN', async () => {
    await switchOperator(page);
    const form = page.getByRole('form', { name: 'Sign in with a PIN' });
    await form.getByLabel('Operator').selectOption({ label: 'Nikos (clerk)' });
    await form.getByLabel('PIN', { exact: true }).fill('0000');
    await form.getByRole('button', { name: 'Sign in', exact: true }).click();
    await form.getByRole('alert').getByText(/^Wrong PIN\. 4 more tries before Nikos is locked/).waitFor();
    expect(await page.getByRole('navigation', { name: 'Screens' }).count()).toBe(0);
    await checkScreen(page, 'sign-in-wrong-pin');
    await signInWithPin(page, NIKOS, 'clerk');
    await operatorGroup(page).getByText('(clerk)').waitFor();
  });

  it('keeps Settings shut to the clerk, by button and by key', async () => {
    const settings = page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: /Settings/ });
    expect(await settings.isDisabled()).toBe(true);
    await page.getByText('Settings are for managers.').waitFor();
    await checkScreen(page, 'clerk-counter');
    const screenBefore = await page.locator('main h2').first().textContent();
    await page.keyboard.press('F8');
    // Two frames: React has drawn whatever the key changed.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await page.locator('main h2').first().textContent()).toBe(screenBefore);
    expect(await page.getByRole('heading', { name: 'Settings', level: 2 }).count()).toBe(0);
    // Main refuses it too, whatever the page would try.
    const refused = await page.evaluate(() => window.tokenDesk?.setTraining({ on: true }).then(() => 'done', (error: Error) => error.message));
    expect(refused).toBe('Only a manager can switch training mode. Ask a manager to sign in, or to approve it.');
  });

  it('lets the clerk issue, and discard a refused change only with a manager’s PIN given on the spot', async () => {
    codes.CLERK001 = await issueToken(page, 'CLERK001', '1357');
    codes.ANDREAS79 = await issueToken(page, 'ANDREAS79', '1357');
    await syncNow(page);
    await goTo(page, 'Pending');
    await page.getByRole('button', { name: 'Discard change (a manager approves)' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Discard this change?' });
    await dialog.getByLabel('Approving manager').selectOption({ label: 'Maria' });
    await dialog.getByLabel('Manager’s PIN').fill(MARIA.pin);
    await checkScreen(page, 'discard-approval');
    await dialog.getByRole('button', { name: 'Approve and discard' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(/^Nothing needs attention/).waitFor();
    await waitForPending(page, 0);
  });

  it('locks the clerk’s screen after the idle time; the manager takes over from the lock screen', async () => {
    await page.clock.fastForward('05:01');
    await page.getByRole('heading', { name: 'Screen locked', level: 2 }).waitFor();
    expect(await page.getByRole('form', { name: 'Sign in with a PIN' }).getByLabel('Operator').locator('option:checked').textContent()).toBe('Nikos (clerk)');
    await page.getByText('Nikos was signed in.', { exact: false }).waitFor();
    await checkScreen(page, 'screen-locked');
    await signInWithPin(page, MARIA, 'manager');
    codes.MGR00002 = await issueToken(page, 'MGR00002', '2468');
    await syncNow(page);
    await waitForPending(page, 0);
  });

  it('switches back to the clerk with a badge scan', async () => {
    await switchOperator(page);
    const badge = page.getByRole('form', { name: 'Sign in with a badge' }).getByLabel('Badge code');
    await badge.fill(NIKOS_BADGE);
    await badge.press('Enter');
    await operatorGroup(page).getByText('Nikos', { exact: true }).waitFor();
  });

  it('names the right operator on every audit row of the shift, and the approving manager on the discard', async () => {
    const { operators } = await shell.services.operators.view({ window: 'audit-check' });
    const idOf = (name: string) => operators.find((operator) => operator.name === name)?.id;
    const madeBy: Record<string, string> = { MGR00001: 'Maria', CLERK001: 'Nikos', ANDREAS79: 'Nikos', MGR00002: 'Maria' };
    const rows = await readAudit(page);
    const seen: Record<string, string[]> = {};
    for (const row of rows) {
      const identifier = Object.keys(codes).find((name) => row.detail.includes(codes[name] ?? '?'));
      expect(identifier, row.detail).toBeDefined();
      const name = madeBy[identifier ?? ''] ?? '';
      expect({ operator: row.operator, operatorId: row.operatorId }, row.detail).toEqual({ operator: name, operatorId: idOf(name) });
      (seen[identifier ?? ''] ??= []).push(`${row.action}:${row.outcome}`);
    }
    expect(seen).toEqual({
      MGR00001: ['issue:queued', 'create:synced'],
      CLERK001: ['issue:queued', 'create:synced'],
      ANDREAS79: ['issue:queued', 'create:parked', 'discard:dropped'],
      MGR00002: ['issue:queued', 'create:synced'],
    });
    const approved = rows.filter((row) => row.approvedBy);
    expect(approved).toMatchObject([{ action: 'discard', operator: 'Nikos', approvedBy: 'Maria', approvedById: idOf('Maria') }]);
  });

  it('shows F1 help over the counter; Esc closes it where it was opened', async () => {
    await page.keyboard.press('F2');
    const search = page.getByRole('searchbox', { name: 'Search tokens' });
    await search.waitFor();
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Help at the counter' });
    await help.getByRole('heading', { name: 'Close the shift', level: 3 }).waitFor();
    await checkScreen(page, 'help');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    expect(await search.evaluate((element) => element === document.activeElement)).toBe(true);
  });

  it('closes the shift: End of shift counts what the audit rows say, prints at the slip paper’s width, exports CSV, and signs the clerk out', async () => {
    const rows = await readAudit(page);
    const issuedBy = (name: string) => rows.filter((row) => row.action === 'issue' && row.operator === name).length;
    await page.keyboard.press('F9');
    const slip = page.getByRole('article', { name: 'End-of-shift summary' });
    await slip.waitFor();
    const numbers = async (name: string) => {
      const values = await slip.getByRole('region', { name, exact: true }).getByRole('definition').allTextContents();
      return { issued: Number(values[0]), pending: Number(values[4]), attention: Number(values[5]) };
    };
    expect(await numbers('Maria')).toEqual({ issued: issuedBy('Maria'), pending: 0, attention: 0 });
    expect(await numbers('Nikos')).toEqual({ issued: issuedBy('Nikos'), pending: 0, attention: 0 });
    expect(await numbers('Whole counter')).toEqual({ issued: rows.filter((row) => row.action === 'issue').length, pending: 0, attention: 0 });
    await checkScreen(page, 'end-of-shift');

    await page.emulateMedia({ media: 'print' });
    const printed = await slip.evaluate((element) => ({
      width: element.getBoundingClientRect().width,
      nav: document.querySelector('nav')?.getBoundingClientRect().height ?? 0,
    }));
    await page.emulateMedia({ media: 'screen' });
    // The slips' paper (80 mm, the default) at 96 CSS pixels per inch; the header is not printed.
    expect(Math.round(printed.width)).toBe(Math.round((80 / 25.4) * 96));
    expect(printed.nav).toBe(0);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export summary (CSV)' }).click();
    const csv = await readFile((await (await download).path()) ?? '', 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Since,Until,Operator,Operator ID,Issued,Handed out,Switched,Edited,Still pending,Needing attention');
    expect(lines.slice(1).map((line) => line.split(',').slice(2, 5))).toEqual([
      ['Maria', expect.any(String), String(issuedBy('Maria'))],
      ['Nikos', expect.any(String), String(issuedBy('Nikos'))],
      ['Whole counter', '', String(rows.filter((row) => row.action === 'issue').length)],
    ]);

    await page.getByRole('button', { name: 'Close shift' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Close the shift?' });
    await dialog.getByRole('button', { name: 'Close shift' }).click();
    await page.getByRole('heading', { name: 'Sign in', level: 2 }).waitFor();
    const closed = (await readAudit(page)).at(-1);
    expect(closed).toMatchObject({ action: 'closeShift', outcome: 'local', operator: 'Nikos' });
    expect(closed?.detail).toContain(`Whole counter: issued ${issuedBy('Maria') + issuedBy('Nikos')},`);

    await signInWithPin(page, MARIA, 'manager');
    await page.keyboard.press('F9');
    await slip.getByText(/^Since /).waitFor();
    expect(await numbers('Whole counter')).toEqual({ issued: 0, pending: 0, attention: 0 });
  });
});
