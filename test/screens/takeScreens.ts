import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startCrmSim, type CrmSim } from '../crm-sim/simulator';
import { closeCounter, killAndRestart, levelDb, openCounter } from '../e2e/counterRestarts';
import { prepareTour, SCREEN_SIZES, TOUR, wordsIn } from '../e2e/screenTour';
import type { Language } from '../../renderer/i18n/i18n';
import type { Page } from 'playwright-core';
import { APP_ROOT, E2E_MANAGER, issueToken, openShell, signInFirstManager } from '../e2e/shellHarness';

/**
 * `npm run screens`: every counter screen at 1366×768, 1024×768 and 200 % zoom, against the CRM
 * simulator, into docs/screens/<screen>-<size>.png (what the window shows, as a counter sees it), and
 * the first start, the sign-in screen of a locked counter and the recovery screen; then the same in
 * Greek at 1366×768 into docs/screens/el/.
 */
const OUT = join(APP_ROOT, 'docs', 'screens');
const EL = wordsIn('el');

/** The counter's language as Settings stores it, applied by a reload (the app reads it at start). */
async function speak(page: Page, language: Language): Promise<void> {
  await page.evaluate((code) => localStorage.setItem('tokenDesk.language', code), language);
  await page.reload();
  await page.locator(`html[lang="${language}"]`).waitFor({ state: 'attached' });
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  console.log(path);
}

/** The sign-in screen, as the locked counter shows it; then the manager signs in again for the next size. */
async function shootSignIn(page: Page, size: string): Promise<void> {
  await page.getByRole('group', { name: 'Operator' }).locator('summary').click();
  await page.getByRole('button', { name: 'Lock screen' }).click();
  const form = page.getByRole('form', { name: 'Sign in with a PIN' });
  await form.waitFor();
  await shoot(page, `sign-in-${size}`);
  await form.getByLabel('Operator').selectOption({ label: `${E2E_MANAGER.name} (manager)` });
  await form.getByLabel('PIN', { exact: true }).fill(E2E_MANAGER.pin);
  await form.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('group', { name: 'Operator' }).getByText(E2E_MANAGER.name).waitFor();
}

/** The recovery screen: a token queued, the app killed, its LevelDB pointed at a lost MANIFEST. */
async function shootRecovery(sim: CrmSim): Promise<void> {
  const counter = await openCounter(sim.url);
  try {
    await issueToken(counter.shell.page, 'SHOT0001', '1234');
    await killAndRestart(counter, async () => writeFile(join(await levelDb(counter), 'CURRENT'), 'MANIFEST-009999\n'));
    const { page } = counter.shell;
    await page.getByRole('heading', { name: 'Token Desk cannot open its local database' }).waitFor();
    for (const size of SCREEN_SIZES) {
      await page.setViewportSize(size);
      await shoot(page, `recovery-${size.name}`);
    }
    await page.setViewportSize(SCREEN_SIZES[0]);
    await speak(page, 'el');
    await page.getByRole('heading', { name: EL('recovery.title') }).waitFor();
    await shoot(page, 'el/recovery');
  } finally {
    await closeCounter(counter);
  }
}

/** Every screen of the tour in Greek at 1366×768, with the locked sign-in and the help panel. */
async function shootGreek(page: Page): Promise<void> {
  await page.setViewportSize(SCREEN_SIZES[0]);
  await speak(page, 'el');
  for (const stop of TOUR) {
    await stop.open(page, EL);
    await shoot(page, `el/${stop.name}`);
  }
  await page.keyboard.press('F1');
  await page.getByRole('dialog', { name: EL('help.title') }).waitFor();
  await shoot(page, 'el/help');
  await page.keyboard.press('Escape');
  await page.getByRole('group', { name: EL('shell.operator.menu') }).locator('summary').click();
  await page.getByRole('button', { name: EL('shell.operator.lock') }).click();
  const form = page.getByRole('form', { name: EL('operators.signIn.pinForm') });
  await form.waitFor();
  await shoot(page, 'el/sign-in');
  await form.getByLabel(EL('operators.signIn.pin'), { exact: true }).fill(E2E_MANAGER.pin);
  await form.getByRole('button', { name: EL('operators.signIn.submit'), exact: true }).click();
  await page.getByRole('group', { name: EL('shell.operator.menu') }).getByText(E2E_MANAGER.name).waitFor();
  await speak(page, 'en');
}

async function main(): Promise<void> {
  const sim = await startCrmSim({ port: 0 });
  const shell = await openShell(sim.url, { manager: null });
  try {
    const { page } = shell;
    await mkdir(join(OUT, 'el'), { recursive: true });
    for (const size of SCREEN_SIZES) {
      await page.setViewportSize(size);
      await page.getByRole('form', { name: 'Create the first manager' }).waitFor();
      await shoot(page, `first-manager-${size.name}`);
    }
    await page.setViewportSize(SCREEN_SIZES[0]);
    await speak(page, 'el');
    await page.getByRole('form', { name: EL('operators.first.title') }).waitFor();
    await shoot(page, 'el/first-manager');
    await speak(page, 'en');
    await signInFirstManager(page);
    await page.setViewportSize(SCREEN_SIZES[0]);
    await prepareTour(page);
    for (const size of SCREEN_SIZES) {
      await page.setViewportSize(size);
      for (const stop of TOUR) {
        await stop.open(page);
        await shoot(page, `${stop.name}-${size.name}`);
      }
      await shootSignIn(page, size.name);
    }
    await shootGreek(page);
    await shootRecovery(sim);
  } finally {
    await shell.close();
    await sim.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
