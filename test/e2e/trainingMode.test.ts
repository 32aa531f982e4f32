import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { CrmClient } from '../../electron/crm/crmClient';
import { TRAINING_CREDENTIALS } from '../../electron/training/trainingMode';
import type { BrowserShell } from '../../scripts/browser-shell/browserShell';
import { goTo, issueToken, openShell, saveSettings, screenshot, statusBar, syncNow, waitForPending } from './shellHarness';

/** Stands in for the configured CRM: records every request and answers 503, so nothing it is sent is ever "done". */
async function startCaptureServer(): Promise<{ url: string; calls: string[]; close: () => Promise<void> }> {
  const calls: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      calls.push(`${req.method ?? ''} ${req.url ?? ''} ${body}`);
      res.writeHead(503, { 'content-type': 'text/plain' }).end('capture server');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The real counter's database, read raw from the page: each token and outbox row by what defines it. */
function readRealDatabase(page: Page): Promise<{ tokens: string[]; outbox: string[] }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('token-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = (store: string) =>
            new Promise<Array<Record<string, unknown>>>((done, fail) => {
              const request = db.transaction(store).objectStore(store).getAll();
              request.onsuccess = () => done(request.result as Array<Record<string, unknown>>);
              request.onerror = () => fail(request.error);
            });
          void Promise.all([all('tokens'), all('outbox')]).then(([tokens, outbox]) => {
            db.close();
            resolve({
              tokens: tokens.map((t) => [t.localId, t.authenticationCode, t.identifier, t.lifeCycleState, t.syncStatus].join('|')).sort(),
              outbox: outbox.map((o) => [o.seq, o.tokenLocalId, o.status, JSON.stringify(o.op)].join('|')).sort(),
            });
          }, reject);
        };
      }),
  );
}

const banner = (page: Page) => page.getByRole('note', { name: 'Training mode' });

async function trainingTokenAtSimulator(shell: BrowserShell, code: string): Promise<string | null> {
  const client = new CrmClient({ serverUrl: (await shell.services.training.connection()).serverUrl });
  const session = await client.login({ ...TRAINING_CREDENTIALS });
  const token = await client.showToken(session, { authentication_code: code });
  return token.identifier ?? null;
}

/** Issues a training token, syncs it to the in-process simulator, and checks the slip. */
async function issueTrainingToken(shell: BrowserShell, identifier: string): Promise<string> {
  const { page } = shell;
  const code = await issueToken(page, identifier, '2468');
  await expect(page.getByText('TRAINING — NOT VALID', { exact: true }).isVisible()).resolves.toBe(true);
  await syncNow(page);
  await waitForPending(page, 0);
  await page.getByText('Confirmed by the CRM').waitFor();
  expect(await trainingTokenAtSimulator(shell, code)).toBe(identifier);
  return code;
}

describe('training mode', () => {
  let shell: BrowserShell | undefined;
  let capture: Awaited<ReturnType<typeof startCaptureServer>> | undefined;

  afterEach(async () => {
    await shell?.close();
    await capture?.close();
  });

  it('is offered on the first start, so a newcomer issues a token synced to the simulated CRM at once', async () => {
    shell = await openShell();
    const { page } = shell;
    await page.getByRole('complementary', { name: 'First start' }).getByRole('button', { name: 'Practise in training mode' }).click();
    await banner(page).waitFor();
    await issueTrainingToken(shell, 'NEWCOMER1');
    await screenshot(page, 'training-slip');
  });

  it('keeps training work away from the real database and the configured CRM', async () => {
    capture = await startCaptureServer();
    shell = await openShell();
    const { page } = shell;
    const realCode = await issueToken(page, 'REAL0001', '1357');
    await saveSettings(page, { crmUrl: capture.url, organisation: 'DEMO', username: 'demo', password: 'demo' });
    await syncNow(page);
    await waitForPending(page, 1);
    const realBefore = await readRealDatabase(page);
    expect(realBefore.tokens.some((t) => t.includes(realCode))).toBe(true);

    await goTo(page, 'Settings');
    await page.getByRole('button', { name: 'Switch training mode on' }).click();
    await banner(page).waitFor();
    const callsWhenTrainingStarted = capture.calls.length;
    expect(callsWhenTrainingStarted).toBeGreaterThan(0);
    await waitForPending(page, 0);
    const trainingCode = await issueTrainingToken(shell, 'TRAIN0001');
    await goTo(page, 'Settings');
    await page.getByRole('checkbox', { name: 'The simulated CRM is offline' }).click();
    await page.getByRole('checkbox', { name: 'The simulated CRM is offline', checked: true }).waitFor();
    await issueToken(page, 'TRAIN0002', '2468');
    await syncNow(page);
    await statusBar(page).getByText(/CRM unreachable/).waitFor();
    await waitForPending(page, 1);
    expect(capture.calls).toHaveLength(callsWhenTrainingStarted);

    await goTo(page, 'Settings');
    await page.getByRole('button', { name: 'Leave training mode' }).click();
    await banner(page).waitFor({ state: 'detached' });
    await waitForPending(page, 1);
    expect(await readRealDatabase(page)).toEqual(realBefore);
    await syncNow(page);
    await statusBar(page).getByText(/CRM unreachable/).waitFor();
    expect(await readRealDatabase(page)).toEqual(realBefore);
    for (const call of capture.calls) {
      expect(call).not.toContain(trainingCode);
      expect(call).not.toContain('TRAIN000');
    }
  });
});
