import { readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { startCrmSim, type CrmSim } from '../crm-sim/simulator';
import { closeCounter, indexedDbDir, killAndRestart, levelDb, openCounter, signInAgain, signInForm, type Counter } from './counterRestarts';
import { issueToken, saveSettings, syncNow, waitForPending } from './shellHarness';

async function filesOf(dir: string, test: (name: string) => boolean): Promise<string[]> {
  return (await readdir(dir)).filter(test).map((name) => join(dir, name));
}

/** The ways issue 10 names a counter's IndexedDB getting damaged while the app is down. */
const DAMAGE: Record<string, (counter: Counter) => Promise<void>> = {
  'truncated log': async (counter) => {
    for (const log of await filesOf(await levelDb(counter), (name) => name.endsWith('.log'))) await truncate(log, Math.floor((await stat(log)).size / 3));
  },
  'deleted log': async (counter) => {
    for (const log of await filesOf(await levelDb(counter), (name) => name.endsWith('.log'))) await rm(log);
  },
  'damaged MANIFEST': async (counter) => {
    for (const manifest of await filesOf(await levelDb(counter), (name) => name.startsWith('MANIFEST-'))) {
      await writeFile(manifest, Buffer.alloc((await readFile(manifest)).length, 0x5a));
    }
  },
  'MANIFEST missing (CURRENT names a lost one)': async (counter) => {
    await writeFile(join(await levelDb(counter), 'CURRENT'), 'MANIFEST-009999\n');
  },
  'deleted folder': async (counter) => {
    await rm(indexedDbDir(counter), { recursive: true, force: true });
  },
};

const RECOVERY_TITLE = 'Token Desk cannot open its local database';

/** Rebuilds from the journal when the database cannot be opened; answers whether the recovery screen came. */
async function throughRecovery(page: Page, queued: number): Promise<boolean> {
  const recovery = page.getByRole('heading', { name: RECOVERY_TITLE });
  const app = signInForm(page);
  await recovery.or(app).first().waitFor();
  if (!(await recovery.isVisible())) return false;
  await page.getByText(`${queued} changes not yet sent to the CRM are safe in the second copy`).waitFor();
  // A safety copy needs no sign-in: nobody can sign in before the database opens.
  await page.getByRole('button', { name: 'Export unsynced work to a file' }).click();
  await page.getByText(new RegExp(`^Saved ${queued} changes to .+unsynced`)).waitFor();
  await page.getByRole('button', { name: 'Rebuild the database from the second copy' }).click();
  await app.waitFor();
  return true;
}

describe('a damaged IndexedDB with unsynced work in it', () => {
  let sim: CrmSim | undefined;
  let counter: Counter | undefined;
  afterEach(async () => {
    await closeCounter(counter);
    await sim?.close();
  });

  it.each(Object.keys(DAMAGE))('%s: the work comes back, the clerk is told, and it syncs exactly once', async (damage) => {
    sim = await startCrmSim({ port: 0 });
    counter = await openCounter(sim.url);
    await saveSettings(counter.shell.page, { organisation: 'DEMO', username: 'demo', password: 'demo' });
    await syncNow(counter.shell.page);
    await sim.setSwitches({ refuseConnections: true });
    const tag = damage.replace(/[^a-z]/gi, '').slice(0, 10).toUpperCase();
    const codes = [await issueToken(counter.shell.page, `${tag}01`, '1111'), await issueToken(counter.shell.page, `${tag}02`, '2222')];
    await waitForPending(counter.shell.page, 2);

    const running = counter;
    await killAndRestart(running, () => DAMAGE[damage]!(running));
    const { page } = running.shell;
    const recovered = await throughRecovery(page, 2);
    await signInAgain(page);

    const notice = page.getByRole('alert').filter({ hasText: 'had lost 2 changes not yet sent to the CRM' });
    await notice.waitFor();
    for (const code of codes) expect(await notice.textContent()).toContain(`create ${code}`);
    await waitForPending(page, 2);

    await sim.setSwitches({ refuseConnections: false });
    await syncNow(page);
    await waitForPending(page, 0);
    for (const code of codes) expect(sim.tokens().filter((token) => token.authentication_code === code), code).toHaveLength(1);
    expect((await running.main.services.journal.read()).entries).toEqual([]);
    console.info(`${damage}: ${recovered ? 'recovery screen, rebuilt from the journal' : 'opened, restored from the journal'}`);
  });
});
