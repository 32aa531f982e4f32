import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserShell } from '../../scripts/browser-shell/browserShell';
import { startCrmSim, type CrmSim } from '../crm-sim/simulator';
import { eventually, issueToken, openShell, openTokenByCode, saveSettings, statusBar, syncNow, waitForPending } from './shellHarness';

/**
 * The worst moment to die: the CRM has committed, its answer is on the way,
 * and the page is gone before it can apply it. One reply is lost outright, too.
 */
describe('a page reload mid-sync, with a lost reply', () => {
  let sim: CrmSim;
  let shell: BrowserShell;

  beforeAll(async () => {
    sim = await startCrmSim({ port: 0 });
    shell = await openShell(sim.url);
    await saveSettings(shell.page, { organisation: 'DEMO', username: 'demo', password: 'demo' });
    await syncNow(shell.page);
  });
  afterAll(async () => {
    await shell?.close();
    await sim?.close();
  });

  it('leaves no twin and loses nothing', async () => {
    const { page } = shell;
    const initial = sim.tokens().length;
    await sim.setSwitches({ faultsOnly: 'access_tokens/create', dropNextReplies: 1, replyDelayMs: 1500 });
    const codes = [await issueToken(page, 'RELOAD0001', '1111'), await issueToken(page, 'RELOAD0002', '2222')];
    await statusBar(page).getByRole('button', { name: 'Sync now' }).click();
    const committed = () => codes.every((code) => sim.tokens().some((t) => t.authentication_code === code));
    await eventually('the CRM to commit both tokens', committed);
    await page.reload();

    await eventually('the CRM to cut the connection of the first create', () => sim.switches().dropNextReplies === 0);
    await sim.setSwitches({ faultsOnly: null, replyDelayMs: 0 });
    await syncNow(page);
    await waitForPending(page, 0);

    expect(sim.tokens()).toHaveLength(initial + 2);
    for (const code of codes) expect(sim.tokens().filter((t) => t.authentication_code === code)).toHaveLength(1);
    expect(sim.calls().filter((c) => c.path.endsWith('/access_tokens/create'))).toHaveLength(2);
    for (const code of codes) {
      await openTokenByCode(page, code);
      await page.getByText('Synced', { exact: true }).waitFor();
    }
  });
});
