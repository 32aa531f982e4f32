import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchBrowserShell, type BrowserShell } from '../../scripts/browser-shell/browserShell';
import { findChromium } from '../../scripts/browser-shell/findChromium';

export const APP_ROOT = resolve(import.meta.dirname, '../..');
export const SCREENSHOT_DIR = join(APP_ROOT, 'test-results', 'screens');

export interface Operator {
  name: string;
  pin: string;
}

/** The manager every e2e test starts as, unless it says otherwise. */
export const E2E_MANAGER: Operator = { name: 'Maria Manager', pin: '246810' };

/**
 * The first start, through the screen: creates the first manager and signs in as them. Main refuses
 * Settings, training and operators to anyone else, so every test that uses them starts here.
 */
export async function signInFirstManager(page: Page, manager: Operator = E2E_MANAGER): Promise<void> {
  const form = page.getByRole('form', { name: 'Create the first manager' });
  await form.getByLabel('Manager’s name').fill(manager.name);
  await form.getByLabel('New PIN', { exact: true }).fill(manager.pin);
  await form.getByLabel('New PIN again').fill(manager.pin);
  await form.getByRole('button', { name: 'Create manager and sign in' }).click();
  await page.getByRole('group', { name: 'Operator' }).getByText(manager.name).waitFor();
}

/** A fresh counter in the browser shell, signed in as a new first manager (`manager: null` stops at the first start). */
export async function openShell(crmUrl?: string, options: { manager?: Operator | null } = {}): Promise<BrowserShell> {
  const chromiumPath = findChromium();
  if (!chromiumPath) throw new Error('Chromium is needed for the e2e tests: apt-get install chromium, or set CHROMIUM_PATH.');
  const userDataDir = await mkdtemp(join(tmpdir(), 'token-desk-e2e-'));
  const shell = await launchBrowserShell({ appRoot: APP_ROOT, chromiumPath, userDataDir, headless: true, port: 0, ...(crmUrl ? { crmUrl } : {}) });
  const manager = options.manager === undefined ? E2E_MANAGER : options.manager;
  if (manager) await signInFirstManager(shell.page, manager).catch(async (error: unknown) => {
    await shell.close();
    throw error;
  });
  return shell;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

export const statusBar = (page: Page): Locator => page.getByRole('contentinfo', { name: 'Sync status' });

export async function waitForPending(page: Page, count: number): Promise<void> {
  await statusBar(page).getByText(`${count} pending`, { exact: true }).waitFor();
}

/** Resolves once `condition` holds, polling; fails with `what` after the timeout. */
export async function eventually(what: string, condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function goTo(page: Page, screen: 'Find' | 'Issue' | 'Pending' | 'Stock' | 'Settings'): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: screen, exact: true }).click();
}

/** Issues a token through the form and returns the authentication code the app showed. */
export async function issueToken(page: Page, identifier: string, passCode: string): Promise<string> {
  await goTo(page, 'Issue');
  const form = page.getByRole('form', { name: 'Issue token' });
  await form.getByLabel('Identifier', { exact: true }).fill(identifier);
  await form.getByLabel('Pass code', { exact: true }).fill(passCode);
  await form.getByRole('button', { name: 'Issue token' }).click();
  const code = (await page.getByLabel('Issued authentication code').textContent())?.trim() ?? '';
  if (code === '') throw new Error('The app showed no authentication code');
  return code;
}

/** Presses "Sync now" and waits until that sync has finished. */
export async function syncNow(page: Page): Promise<void> {
  const bar = statusBar(page);
  await bar.getByRole('button', { name: 'Sync now' }).click();
  await bar.getByRole('button', { name: 'Sync now', disabled: false }).waitFor();
}

export async function openTokenByCode(page: Page, code: string): Promise<void> {
  await goTo(page, 'Find');
  await page.getByRole('searchbox', { name: 'Search tokens' }).fill(code);
  await page.getByRole('list', { name: 'Search results' }).getByRole('button').filter({ hasText: code }).click();
}

/** Fills and saves the Settings screen. */
export async function saveSettings(page: Page, settings: { crmUrl?: string; organisation: string; username: string; password: string }): Promise<void> {
  await goTo(page, 'Settings');
  const form = page.getByRole('form', { name: 'Settings' });
  if (settings.crmUrl !== undefined) await form.getByLabel('CRM URL').fill(settings.crmUrl);
  await form.getByLabel('Organisation').fill(settings.organisation);
  await form.getByLabel('Username').fill(settings.username);
  await form.getByLabel('Password', { exact: true }).fill(settings.password);
  await form.getByRole('button', { name: 'Save CRM sign-in' }).click();
  await page.getByRole('status').filter({ hasText: 'Settings saved' }).waitFor();
}
