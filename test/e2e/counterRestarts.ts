import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowserShell, startShellMain, type BrowserShell, type ShellMain } from '../../scripts/browser-shell/browserShell';
import { findChromium } from '../../scripts/browser-shell/findChromium';
import type { Page } from 'playwright-core';
import { APP_ROOT, E2E_MANAGER, signInFirstManager } from './shellHarness';

/**
 * One counter whose window can be killed and started again on the same profile: Chromium dies with
 * SIGKILL (its whole process group), main (journal, settings, vault) stays up as the browser shell's
 * main side does, and the next window gets the same origin (port), hence the same IndexedDB.
 */
export interface Counter {
  shell: BrowserShell;
  readonly userDataDir: string;
  readonly main: ShellMain;
  readonly port: number;
}

function chromiumPath(): string {
  const path = findChromium();
  if (!path) throw new Error('Chromium is needed for the e2e tests: apt-get install chromium, or set CHROMIUM_PATH.');
  return path;
}

export async function openCounter(crmUrl: string): Promise<Counter> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'token-desk-restarts-'));
  const main = await startShellMain(userDataDir);
  const shell = await launchBrowserShell({ appRoot: APP_ROOT, chromiumPath: chromiumPath(), userDataDir, headless: true, port: 0, crmUrl, main });
  await signInFirstManager(shell.page);
  return { shell, userDataDir, main, port: Number(new URL(shell.url).port) };
}

/** The sign-in a new window asks for (each window signs in on its own). */
export const signInForm = (page: Page) => page.getByRole('form', { name: 'Sign in with a PIN' });

/** Signs the e2e manager in again, in a window that opened after a kill. */
export async function signInAgain(page: Page): Promise<void> {
  const form = signInForm(page);
  await form.getByLabel('Operator').selectOption({ label: `${E2E_MANAGER.name} (manager)` });
  await form.getByLabel('PIN', { exact: true }).fill(E2E_MANAGER.pin);
  await form.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('group', { name: 'Operator' }).getByText(E2E_MANAGER.name, { exact: true }).waitFor();
}

/** Where Chromium keeps this profile's IndexedDB (one LevelDB folder per origin inside). */
export const indexedDbDir = (counter: Counter): string => join(counter.userDataDir, 'chromium', 'Default', 'IndexedDB');

/** The origin's LevelDB folder (the app has one origin, so one folder). */
export async function levelDb(counter: Counter): Promise<string> {
  const dir = indexedDbDir(counter);
  const folder = (await readdir(dir)).find((name) => name.endsWith('.indexeddb.leveldb'));
  if (!folder) throw new Error(`No IndexedDB LevelDB folder in ${dir}`);
  return join(dir, folder);
}

/** Kills the window; `between` runs while it is down (say, to damage its files); then a new window opens (not yet signed in). */
export async function killAndRestart(counter: Counter, between: () => Promise<void> = async () => undefined): Promise<void> {
  await counter.shell.kill();
  await between();
  counter.shell = await launchBrowserShell({
    appRoot: APP_ROOT,
    chromiumPath: chromiumPath(),
    userDataDir: counter.userDataDir,
    headless: true,
    port: counter.port,
    main: counter.main,
  });
}

export async function closeCounter(counter: Counter | undefined): Promise<void> {
  if (!counter) return;
  await counter.shell.close().catch(() => undefined);
  await counter.main.services.dispose();
}
