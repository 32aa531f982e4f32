import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserShell } from '../../scripts/browser-shell/browserShell';
import { startCrmSim, type CrmSim } from '../crm-sim/simulator';
import { issueToken, openShell, saveSettings, statusBar, syncNow, waitForPending } from './shellHarness';

describe('with no CRM configured', () => {
  let sim: CrmSim;
  let shell: BrowserShell;

  beforeAll(async () => {
    sim = await startCrmSim({ port: 0 });
    shell = await openShell();
  });
  afterAll(async () => {
    await shell?.close();
    await sim?.close();
  });

  it('works offline, queues everything, and sends it once a CRM is set', async () => {
    const { page } = shell;
    const code = await issueToken(page, 'NOCRM001', '9876');
    await syncNow(page);
    await statusBar(page).getByText('No CRM configured — working offline').waitFor();
    await waitForPending(page, 1);
    expect(sim.calls()).toHaveLength(0);

    await saveSettings(page, { crmUrl: sim.url, organisation: 'DEMO', username: 'demo', password: 'demo' });
    await syncNow(page);
    await waitForPending(page, 0);
    expect(sim.tokens().filter((t) => t.authentication_code === code)).toHaveLength(1);
  });

  it('says so when the CRM refuses the sign-in, and keeps the work queued', async () => {
    const { page } = shell;
    await saveSettings(page, { crmUrl: sim.url, organisation: 'DEMO', username: 'demo', password: 'wrong' });
    await issueToken(page, 'NOCRM002', '9876');
    await syncNow(page);
    await statusBar(page).getByText('Sign-in to CRM failed').waitFor();
    await waitForPending(page, 1);
  });
});
