import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startCrmSim } from '../crm-sim/simulator';
import { prepareTour, SCREEN_SIZES, TOUR } from '../e2e/screenTour';
import type { Page } from 'playwright-core';
import { APP_ROOT, E2E_MANAGER, openShell } from '../e2e/shellHarness';

/**
 * `npm run screens`: every counter screen at 1366×768, 1024×768 and 200 % zoom, against the CRM
 * simulator, into docs/screens/<screen>-<size>.png (what the window shows, as a counter sees it), and
 * the sign-in screen of a locked counter.
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

async function main(): Promise<void> {
  const sim = await startCrmSim({ port: 0 });
  const shell = await openShell(sim.url);
  try {
    const { page } = shell;
    await page.setViewportSize(SCREEN_SIZES[0]);
    await prepareTour(page);
    await mkdir(OUT, { recursive: true });
    for (const size of SCREEN_SIZES) {
      await page.setViewportSize(size);
      for (const stop of TOUR) {
        await stop.open(page);
        await shoot(page, `${stop.name}-${size.name}`);
      }
      await shootSignIn(page, size.name);
    }
  } finally {
    await shell.close();
    await sim.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
