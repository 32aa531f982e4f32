import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { BrowserShell } from '../../scripts/browser-shell/browserShell';
import { startCrmSim, type CrmSim } from '../crm-sim/simulator';
import { eventually, goTo, issueToken, openShell, openTokenByCode, saveSettings, screenshot, statusBar, syncNow, waitForPending } from './shellHarness';

/** A token of participant 1 (Maria Georgiou) in the simulator's demo data. */
const MARIAS_CARD = 'B2N5M8Q1W4E7R0TY';

/**
 * The counter shift against a server in R13-era shapes whose every error code is renamed
 * (`--profile r13 --dialect renamed`): the app must learn the codes at sign-in and still sync
 * exactly once through offline issue, a lost reply, an expired session and 503s; a pending token is
 * opened and verified with the customer's code.
 */
describe('a counter shift against an R13 CRM with unpublished error codes', () => {
  let sim: CrmSim;
  let shell: BrowserShell;
  let page: Page;
  let initialCount = 0;
  const issued: string[] = [];
  const simCodes = () => sim.tokens().map((t) => t.authentication_code);

  beforeAll(async () => {
    sim = await startCrmSim({ port: 0, profile: 'r13', dialect: 'renamed' });
    initialCount = sim.tokens().length;
    shell = await openShell(sim.url);
    page = shell.page;
  });

  afterAll(async () => {
    await shell?.close();
    await sim?.close();
  });

  it('0. signs in; Test connection calibrates and Settings says what this CRM answers', async () => {
    await saveSettings(page, { organisation: 'DEMO', username: 'demo', password: 'demo' });
    const form = page.getByRole('form', { name: 'Settings' });
    await form.getByRole('button', { name: 'Test connection' }).click();
    await form.getByText('Connected: the CRM accepted the sign-in.').waitFor();
    const note = page.getByRole('region', { name: 'How this CRM answers' });
    await note.getByText('This CRM answers "no such token" with ACME.FAULT.TOKEN_NOT_FOUND (HTTP 404).').waitFor();
    await note.getByText('This CRM answers "session expired or invalid" with ACME.FAULT.INVALID_TOKEN (HTTP 401).').waitFor();
    await screenshot(page, 'r13-settings-calibrated');
  });

  it('1. issues offline, then syncs through a lost reply, an expired session and 503s: exactly the tokens issued', async () => {
    await sim.stop();
    for (const n of [1, 2]) issued.push(await issueToken(page, `RTHIRTEEN${n}`, `77${n}7`));
    await waitForPending(page, 2);
    await sim.start();
    sim.expireSessions();
    await sim.setSwitches({ dropNextReplies: 1, faultsOnly: 'access_tokens/create' });
    await statusBar(page).getByRole('button', { name: 'Sync now' }).click();
    await eventually('the CRM to commit a token whose reply is lost', () => issued.some((code) => simCodes().includes(code)));
    await statusBar(page).getByRole('button', { name: 'Sync now', disabled: false }).waitFor();
    await sim.setSwitches({ faultsOnly: null, failNext: 2 });
    issued.push(await issueToken(page, 'RTHIRTEEN3', '7737'));
    for (let round = 0; round < 4 && !(await statusBar(page).getByText('0 pending', { exact: true }).isVisible()); round += 1) await syncNow(page);
    await waitForPending(page, 0);
    expect(sim.tokens()).toHaveLength(initialCount + 3);
    for (const code of issued) expect(simCodes().filter((c) => c === code)).toHaveLength(1);
    await goTo(page, 'Pending');
    await page.getByText(/^Nothing needs attention/).waitFor();
  });

  it('2. a participant token shows the owner from the top-level accounts receivable and its AT number', async () => {
    await page.keyboard.press('F2');
    await page.getByRole('searchbox', { name: 'Search tokens' }).fill(MARIAS_CARD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Token AT0000000011', level: 2 }).waitFor();
    await page.getByText('1 — Maria Georgiou', { exact: true }).waitFor();
  });

  it('3. a pending token scanned and opened says so and offers no Effective switch, with the reason', async () => {
    const pending = sim.tokens().find((t) => t.life_cycle_state === 'PENDING_VERIFICATION' && t.participant_id === null);
    expect(pending).toBeDefined();
    await page.keyboard.press('Escape');
    await page.keyboard.press('F2');
    await page.getByRole('searchbox', { name: 'Search tokens' }).fill(pending?.authentication_code ?? '');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Token ${sim.profile.tokenNumber(pending?.number ?? '')}`, level: 2 }).waitFor();
    await page.getByText('Pending verification', { exact: true }).first().waitFor();
    await page.getByRole('note', { name: 'Effective switch' }).getByText(/pending verification/).waitFor();
    expect(await page.getByRole('switch', { name: 'Effective' }).count()).toBe(0);
    await screenshot(page, 'r13-pending-token');
    await waitForPending(page, 0);
  });

  it('4. verifies it with the customer’s code: a wrong code is refused in Pending with a fix, the right one makes it effective', async () => {
    const pending = sim.tokens().find((t) => t.life_cycle_state === 'PENDING_VERIFICATION' && t.participant_id === null);
    const code = pending?.authentication_code ?? '';
    const right = sim.verificationCode(code) ?? '';
    const wrong = right.replace(/.$/, (last) => (last === '0' ? '1' : '0'));
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    const form = page.getByRole('form', { name: 'Verify token' });
    await form.getByLabel('Verification code').fill(wrong);
    await form.getByRole('button', { name: 'Verify', exact: true }).click();
    await page.getByText(/^The verification code waits to be sent/).waitFor();
    await waitForPending(page, 1);
    await syncNow(page);

    await goTo(page, 'Pending');
    const refused = page.getByRole('article', { name: /^Refused: verify/ });
    await refused.getByText(/^The CRM refused this: The CRM did not accept this verification code\. .*enter it again\./).waitFor();
    await screenshot(page, 'r13-verify-refused');
    const fix = refused.getByRole('form', { name: 'Fix verification code' });
    await fix.getByLabel('Verification code').fill(right);
    await fix.getByRole('button', { name: 'Send code again' }).click();
    await waitForPending(page, 1);
    await syncNow(page);
    await waitForPending(page, 0);
    expect(sim.tokens().find((t) => t.authentication_code === code)?.life_cycle_state).toBe('EFFECTIVE');
    await openTokenByCode(page, code);
    await page.getByRole('switch', { name: 'Effective', checked: true }).waitFor();
  });

  it('5. ends with exactly the tokens issued in the CRM, and nothing waits in Pending', async () => {
    expect(sim.tokens()).toHaveLength(initialCount + issued.length);
    for (const code of issued) expect(simCodes().filter((c) => c === code)).toHaveLength(1);
    await goTo(page, 'Pending');
    await page.getByText(/^Nothing needs attention/).waitFor();
    await page.getByText(/^The queue is empty/).waitFor();
    await waitForPending(page, 0);
  });
});
