import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startCrmSim } from '../crm-sim/simulator';
import { prepareTour, SCREEN_SIZES, TOUR } from '../e2e/screenTour';
import { APP_ROOT, openShell } from '../e2e/shellHarness';

/**
 * `npm run screens`: every counter screen at 1366×768, 1024×768 and 200 % zoom, against the CRM
 * simulator, into docs/screens/<screen>-<size>.png (what the window shows, as a counter sees it).
 */
const OUT = join(APP_ROOT, 'docs', 'screens');

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
        await page.mouse.move(0, 0);
        const path = join(OUT, `${stop.name}-${size.name}.png`);
        await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
        console.log(path);
      }
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
