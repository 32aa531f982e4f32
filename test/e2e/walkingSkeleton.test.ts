import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserShell } from '../../scripts/browser-shell/browserShell';
import { startCrmSim, type CrmSim } from '../crm-sim/simulator';
import {
  eventually,
  goTo,
  issueToken,
  openShell,
  openTokenByCode,
  saveSettings,
  screenshot,
  statusBar,
  syncNow,
  waitForPending,
} from './shellHarness';

/**
 * The walking skeleton, end to end in real Chromium: the built renderer, the
 * preload factory and the main-process router, against the CRM simulator.
 */
describe('issue offline, sync exactly once, find again', () => {
  let sim: CrmSim;
  let shell: BrowserShell;
  let initialCount: number;
  const codes: string[] = [];

  const simCodes = () => sim.tokens().map((t) => t.authentication_code);
  const createCalls = () => sim.calls().filter((c) => c.path.endsWith('/access_tokens/create')).length;

  beforeAll(async () => {
    sim = await startCrmSim({ port: 0 });
    await sim.stop();
    initialCount = sim.tokens().length;
    shell = await openShell(sim.url);
  });

  afterAll(async () => {
    await shell?.close();
    await sim?.close();
  });

  it('signs in through Settings', async () => {
    const { page } = shell;
    await goTo(page, 'Settings');
    expect(await page.getByRole('form', { name: 'Settings' }).getByLabel('CRM URL').inputValue()).toBe(sim.url);
    await saveSettings(page, { organisation: 'DEMO', username: 'demo', password: 'demo' });
    await screenshot(page, 'skeleton-settings');
  });

  it('1. issues three tokens with the CRM down; three are pending', async () => {
    const { page } = shell;
    for (const n of [1, 2, 3]) codes.push(await issueToken(page, `CARD000${n}`, `12${n}4`));
    await screenshot(page, 'skeleton-issue');
    await waitForPending(page, 3);
    expect(new Set(codes).size).toBe(3);
    await syncNow(page);
    await waitForPending(page, 3);
    await statusBar(page).getByText(/CRM unreachable/).waitFor();
    expect(sim.calls()).toHaveLength(0);
  });

  it('2. syncs them once the CRM is up: exactly three new tokens with the codes shown', async () => {
    const { page } = shell;
    await sim.start();
    await page.evaluate(() => {
      const heard: unknown[] = [];
      Object.assign(window, { heardProgress: heard });
      window.tokenDesk?.on('syncProgress', (progress) => heard.push(progress));
    });
    await syncNow(page);
    await waitForPending(page, 0);
    // Main spoke first: the page heard the push's start and end without asking for them. Answers in
    // between are paced (progressPace.test.ts), so a quick push may tell none; what it tells counts up.
    const heard = await page.evaluate(() => (window as unknown as { heardProgress: { done: number }[] }).heardProgress);
    expect(heard[0]).toMatchObject({ running: true, done: 0, total: 3 });
    expect(heard.at(-1)).toEqual({ running: false, done: 3, total: 3, lastError: null });
    expect(heard.map((p) => p.done)).toEqual(heard.map((p) => p.done).sort((a, b) => a - b));
    await statusBar(page).getByText('Online', { exact: true }).waitFor();
    expect(sim.tokens()).toHaveLength(initialCount + 3);
    for (const code of codes) expect(simCodes()).toContain(code);
    const identifiers = sim.tokens().filter((t) => codes.includes(t.authentication_code)).map((t) => t.identifier);
    expect(identifiers.sort()).toEqual(['CARD0001', 'CARD0002', 'CARD0003']);
    await screenshot(page, 'skeleton-status-synced');
  });

  it('3. a create whose reply is lost is adopted on retry, not made twice', async () => {
    const { page } = shell;
    await sim.setSwitches({ dropNextReplies: 1, faultsOnly: 'access_tokens/create' });
    const fourth = await issueToken(page, 'CARD0004', '1444');
    codes.push(fourth);
    await statusBar(page).getByRole('button', { name: 'Sync now' }).click();
    await eventually('the CRM to commit the fourth token', () => simCodes().includes(fourth));
    await statusBar(page).getByRole('button', { name: 'Sync now', disabled: false }).waitFor();
    expect(sim.switches().dropNextReplies).toBe(0);
    await sim.setSwitches({ faultsOnly: null });
    await syncNow(page);
    await waitForPending(page, 0);
    expect(sim.tokens()).toHaveLength(initialCount + 4);
    expect(simCodes().filter((c) => c === fourth)).toHaveLength(1);
    expect(createCalls()).toBe(4);
  });

  it('4. switches a token to Not effective offline and syncs it later', async () => {
    const { page } = shell;
    const code = codes[0] ?? '';
    await sim.stop();
    await openTokenByCode(page, code);
    const toggle = page.getByRole('switch', { name: 'Effective' });
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    await toggle.click();
    await page.getByRole('alertdialog', { name: 'Set this token to Not effective?' }).getByRole('button', { name: 'Set not effective' }).click();
    await page.getByRole('switch', { name: 'Effective', checked: false }).waitFor();
    await waitForPending(page, 1);
    await screenshot(page, 'skeleton-detail');
    await sim.start();
    await syncNow(page);
    await waitForPending(page, 0);
    expect(sim.tokens().find((t) => t.authentication_code === code)?.life_cycle_state).toBe('NOT_EFFECTIVE');
  });

  it('5. after a reload every token is still found by its authentication code', async () => {
    const { page } = shell;
    await page.reload();
    for (const code of codes) {
      await goTo(page, 'Find');
      await page.getByRole('searchbox', { name: 'Search tokens' }).fill(code);
      const result = page.getByRole('list', { name: 'Search results' }).getByRole('button').filter({ hasText: code });
      await result.waitFor();
      expect(await result.count()).toBe(1);
    }
    await screenshot(page, 'skeleton-find');
    await waitForPending(page, 0);
  });
});
