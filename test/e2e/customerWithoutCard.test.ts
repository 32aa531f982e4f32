import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { BrowserShell } from '../../scripts/browser-shell/browserShell';
import { CrmClient } from '../../electron/crm/crmClient';
import { CrmSession } from '../../electron/crm/crmSession';
import { startCrmSim, type CrmSim } from '../crm-sim/simulator';
import { COUNTER_SCREEN, hasFocus } from './a11y';
import { inWindow } from './screenTour';
import { goTo, openShell, saveSettings, statusBar, syncNow, waitForPending } from './shellHarness';

/** Maria Georgiou's participant number in the simulator's demo data (she holds 2 tokens there). */
const MARIA = '1';
const MARIA_ID = 'BC7AF93966D18D3648D2C284E0324230';

/** Rows in this window's outbox and tokens not yet in the CRM, read straight from IndexedDB. */
function localWork(page: Page): Promise<{ queued: number; unsent: number }> {
  return page.evaluate(
    () =>
      new Promise<{ queued: number; unsent: number }>((resolve, reject) => {
        const request = indexedDB.open('token-desk');
        request.onerror = () => reject(new Error('could not open the database'));
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction(['outbox', 'tokens'], 'readonly');
          const queued = tx.objectStore('outbox').count();
          const tokens = tx.objectStore('tokens').getAll();
          tx.oncomplete = () => {
            const unsent = (tokens.result as Array<{ serverId: string | null }>).filter((token) => token.serverId === null).length;
            db.close();
            resolve({ queued: queued.result, unsent });
          };
        };
      }),
  );
}

/**
 * A customer without the card: Find reaches their tokens by name or number (the CRM is asked for a
 * number). Right the first time: online, the Issue form asks the CRM about the participant before it
 * saves, and refuses on the form what the CRM would refuse. Offline it saves, says what it could not
 * check, and a refusal after the fact is fixed in Pending.
 */
describe('a customer without the card', () => {
  let sim: CrmSim;
  let shell: BrowserShell;
  let page: Page;

  const form = () => page.getByRole('form', { name: 'Issue token' });
  const participantField = () => form().getByLabel('Participant number (optional)');
  const slip = () => page.getByRole('article', { name: 'Your loyalty access token' });

  async function issueFor(participant: string): Promise<void> {
    await goTo(page, 'Issue');
    await participantField().fill(participant);
    await participantField().press('Control+Enter');
  }

  beforeAll(async () => {
    sim = await startCrmSim({ port: 0 });
    shell = await openShell(sim.url);
    page = shell.page;
    await page.setViewportSize(COUNTER_SCREEN);
    await saveSettings(page, { organisation: 'DEMO', username: 'demo', password: 'demo' });
    await syncNow(page);
  });

  afterAll(async () => {
    await shell?.close();
    await sim?.close();
  });

  it("Find lists the tokens of an account number from the CRM, then finds them by the owner's name", async () => {
    await page.keyboard.press('F2');
    const search = page.getByRole('searchbox', { name: 'Search tokens' });
    await search.fill('000001');
    await page.getByText('The CRM has 2 tokens of participant or account 000001; they are listed below.').waitFor();
    const results = page.getByRole('list', { name: 'Search results' });
    await results.getByRole('button', { name: /MARIAFOB/ }).waitFor();
    expect(await results.getByRole('button').count()).toBe(2);
    await search.fill('georgiou');
    await results.getByRole('button', { name: /MARIA1984/ }).waitFor();
    expect(await results.getByRole('button').count()).toBe(2);
    await page.keyboard.press('Escape');
  });

  it('the pass code check tells a difference in capitals from a wrong pass code, in view above the status bar', async () => {
    await page.getByRole('button', { name: 'Check a pass code' }).click();
    const form = page.getByRole('form', { name: 'Check pass code' });
    const verdict = form.getByRole('status');
    const check = async (identifier: string, passCode: string) => {
      await form.getByLabel('Identifier').fill(identifier);
      await form.getByLabel('Pass code').fill(passCode);
      await form.getByRole('button', { name: 'Check pass code' }).click();
    };
    await check('maria1984', '4821');
    await verdict.getByText('The CRM confirms this pass code for MARIA1984 (token 11). It was typed as maria1984: capitals count in identifiers.').waitFor();
    const shown = await inWindow(verdict);
    expect(shown.inside).toBe(true);
    expect(shown.bottom).toBeLessThanOrEqual((await inWindow(statusBar(page))).top);
    await check('MARIA1984', '0000');
    await verdict.getByText('The CRM has a token with identifier MARIA1984, but not with this pass code.').waitFor();
    await check('NOBODY01', '4821');
    await verdict.getByText('No token matches').waitFor();
    await page.getByRole('button', { name: 'Close pass code check' }).click();
  });

  it('online, refuses participant 999 and a sixth token for an owner at the limit on the form; nothing is queued', async () => {
    await issueFor('999');
    await form().getByRole('alert').filter({ hasText: 'The CRM has no participant 999.' }).waitFor();
    expect(await hasFocus(participantField())).toBe(true);
    expect(await localWork(page)).toEqual({ queued: 0, unsent: 0 });

    // Another counter gives Maria three more tokens: five, the demo definition's limit.
    const elsewhere = new CrmSession(new CrmClient({ serverUrl: sim.url }), { username: 'demo', password: 'demo', organisation: 'DEMO' });
    for (let i = 0; i < 3; i += 1) await elsewhere.call((client, token) => client.createToken(token, { rewards_participant_identifier: { number: MARIA } }));
    await elsewhere.close();
    expect(sim.tokens().filter((token) => token.participant_id === MARIA_ID)).toHaveLength(5);

    await participantField().fill(MARIA);
    await participantField().press('Control+Enter');
    await form().getByRole('alert').filter({ hasText: /^Participant 1 \(Maria Georgiou\) already has 5 tokens/ }).waitFor();
    expect(await localWork(page)).toEqual({ queued: 0, unsent: 0 });
    expect(await slip().count()).toBe(0);
    expect(sim.tokens().filter((token) => token.participant_id === MARIA_ID)).toHaveLength(5);
  });

  it('offline, saves, says what it could not check, and Pending offers the fix for the refusal', async () => {
    await sim.stop();
    await issueFor('999');
    await slip().waitFor();
    await page.getByText(/^The CRM could not be asked, so participant 999 and its limit of 5 tokens were not checked\./).waitFor();
    await slip().getByText('999 — to be confirmed by the CRM').waitFor();
    const code = (await slip().getByLabel('Issued authentication code').textContent())?.trim() ?? '';
    expect(await localWork(page)).toEqual({ queued: 1, unsent: 1 });

    await sim.start();
    await syncNow(page);
    await page.keyboard.press('F4');
    const fix = page.getByRole('form', { name: 'Fix participant' });
    await fix.waitFor();
    await fix.getByRole('button', { name: 'Issue without a participant' }).click();
    await waitForPending(page, 1);
    await syncNow(page);
    await waitForPending(page, 0);
    expect(sim.tokens().filter((token) => token.authentication_code === code)).toEqual([expect.objectContaining({ participant_id: null })]);
    expect(await localWork(page)).toEqual({ queued: 0, unsent: 0 });
  });
});
