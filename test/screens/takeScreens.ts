import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startCrmSim, type CrmSim } from '../crm-sim/simulator';
import { closeCounter, killAndRestart, levelDb, openCounter } from '../e2e/counterRestarts';
import { prepareTour, SCREEN_SIZES, TOUR } from '../e2e/screenTour';
import type { Page } from 'playwright-core';
import { APP_ROOT, E2E_MANAGER, issueToken, openShell, signInFirstManager } from '../e2e/shellHarness';

/**
 * `npm run screens`: every counter screen at 1366×768, 1024×768 and 200 % zoom, against the CRM
 * simulator, into docs/screens/<screen>-<size>.png (what the window shows, as a counter sees it), and
 * the first start, the sign-in screen of a locked counter and the recovery screen.
 */
const OUT = join(APP_ROOT, 'docs', 'screens');

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
  } finally {
    await closeCounter(counter);
  }
}

async function main(): Promise<void> {
  const sim = await startCrmSim({ port: 0 });
  const shell = await openShell(sim.url, { manager: null });
  try {
    const { page } = shell;
    await mkdir(OUT, { recursive: true });
    for (const size of SCREEN_SIZES) {
      await page.setViewportSize(size);
      await page.getByRole('form', { name: 'Create the first manager' }).waitFor();
      await shoot(page, `first-manager-${size.name}`);
    }
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
