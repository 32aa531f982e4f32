import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpcEnvelope, RendererSyncState } from '../../shared/ipc/contract';
import { launchBrowserShell, type BrowserShell } from '../../scripts/browser-shell/browserShell';
import { findChromium } from '../../scripts/browser-shell/findChromium';
import { startCrmSim, type CrmSim } from '../crm-sim/simulator';
import { loadDemoData } from '../crm-sim/simData';
import { APP_ROOT, issueToken, saveSettings, signInFirstManager, syncNow, waitForPending } from '../e2e/shellHarness';

/**
 * A real session in Chromium through the browser shell, against the CRM simulator: sign in, issue a
 * token with a pass code, sync. Then every IndexedDB record, every file main wrote (settings, logs,
 * diagnostics) and every IPC reply is searched for the plaintext pass code and password.
 */

const PASSWORD = 'Vq7-kestrel-5531';
const PASS_CODE = '730518294613';
const USERNAME = 'counter7';

interface DbDump {
  name: string;
  stores: Record<string, unknown[]>;
}

/** Every record of every IndexedDB database of the page, read with the raw IndexedDB API. */
function dumpIndexedDb(page: Page): Promise<DbDump[]> {
  return page.evaluate(async () => {
    const request = <T,>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const dumps: Array<{ name: string; stores: Record<string, unknown[]> }> = [];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await request(indexedDB.open(info.name));
      const stores: Record<string, unknown[]> = {};
      for (const store of Array.from(db.objectStoreNames)) {
        stores[store] = await request(db.transaction(store, 'readonly').objectStore(store).getAll());
      }
      db.close();
      dumps.push({ name: info.name, stores });
    }
    return dumps;
  });
}

async function filesUnder(dir: string): Promise<Array<{ path: string; text: string }>> {
  const out: Array<{ path: string; text: string }> = [];
  for (const name of (await readdir(dir, { recursive: true })).map(String)) {
    const path = join(dir, name);
    if ((await stat(path)).isFile()) out.push({ path, text: await readFile(path, 'latin1') });
  }
  return out;
}

describe('secrets after a real session (login, issue with a pass code, sync)', () => {
  let sim: CrmSim;
  let shell: BrowserShell;
  let userDataDir: string;
  const replies: Array<{ channel: string; text: string }> = [];
  let code = '';
  let sealedInOutbox: string | null = null;

  beforeAll(async () => {
    const chromiumPath = findChromium();
    if (!chromiumPath) throw new Error('Chromium is needed: apt-get install chromium, or set CHROMIUM_PATH.');
    const data = loadDemoData();
    const demo = data.users[0];
    if (!demo) throw new Error('demo data has no user');
    sim = await startCrmSim({ data: { ...data, users: [...data.users, { ...demo, id: '99', username: USERNAME, password: PASSWORD }] } });
    userDataDir = await mkdtemp(join(tmpdir(), 'token-desk-secrets-'));
    shell = await launchBrowserShell({ appRoot: APP_ROOT, chromiumPath, userDataDir, headless: true, port: 0, crmUrl: sim.url });
    // Record every IPC reply by wrapping the router the shell's binding calls; then reload so none is missed.
    const router = shell.services.router;
    const handle = router.handle.bind(router);
    router.handle = async (channel, payload, caller): Promise<IpcEnvelope> => {
      const reply = await handle(channel, payload, caller);
      replies.push({ channel: String(channel), text: JSON.stringify(reply) });
      return reply;
    };
    await shell.page.reload();
    await signInFirstManager(shell.page);
  });

  afterAll(async () => {
    await shell?.close();
    await sim?.close();
  });

  it('signs in, issues a token with a pass code and keeps only the sealed pass code in the outbox', async () => {
    const { page } = shell;
    await saveSettings(page, { organisation: 'DEMO', username: USERNAME, password: PASSWORD });
    code = await issueToken(page, 'CARD7305', PASS_CODE);
    const outbox = (await dumpIndexedDb(page)).flatMap((db) => db.stores.outbox ?? []) as Array<{ op: { authenticationCode: string; sealedPassCode?: string | null } }>;
    sealedInOutbox = outbox.find((row) => row.op.authenticationCode === code)?.op.sealedPassCode ?? null;
    expect(sealedInOutbox).toMatch(/^v1:/);
    expect(sealedInOutbox).not.toContain(PASS_CODE);
  });

  it('syncs: the CRM holds the token with the real pass code, and the sealed pass code is gone from the outbox', async () => {
    const { page } = shell;
    await syncNow(page);
    await waitForPending(page, 0);
    expect(sim.tokens().find((t) => t.authentication_code === code)).toMatchObject({ identifier: 'CARD7305', pass_code: PASS_CODE });
    const dumps = await dumpIndexedDb(page);
    const outbox = dumps.flatMap((db) => db.stores.outbox ?? []) as Array<{ op: { authenticationCode: string } }>;
    expect(outbox.filter((row) => row.op.authenticationCode === code)).toEqual([]);
    expect(JSON.stringify(dumps)).not.toContain(sealedInOutbox ?? '(none)');
  });

  it('exports a diagnostics bundle from the page', async () => {
    const state: RendererSyncState = {
      crm: 'ok',
      pendingCount: 0,
      parkedCount: 0,
      conflictCount: 0,
      oldestPendingAt: null,
      lastSyncAt: Date.now(),
      lastMessage: '1 synced',
      lastError: null,
      syncing: false,
    };
    const path = await shell.page.evaluate(async (rendererState) => (await window.tokenDesk?.exportDiagnostics({ rendererState }))?.path, state);
    expect(path?.startsWith(join(userDataDir, 'main', 'diagnostics'))).toBe(true);
  });

  it('finds neither the pass code nor the password in IndexedDB, in any file main wrote, or in any IPC reply', async () => {
    await shell.services.log.flush();
    const dumps = await dumpIndexedDb(shell.page);
    const stores = dumps.flatMap((db) => Object.keys(db.stores).map((store) => `${db.name}.${store}`));
    expect(stores.some((s) => s.endsWith('.tokens'))).toBe(true);
    expect(stores.some((s) => s.endsWith('.audit'))).toBe(true);
    const indexedDb = JSON.stringify(dumps);
    expect(indexedDb).toContain(code);
    expect(indexedDb).not.toContain(PASS_CODE);
    expect(indexedDb).not.toContain(PASSWORD);

    const files = await filesUnder(join(userDataDir, 'main'));
    const names = files.map((f) => f.path.slice(userDataDir.length + 1).replace(/\\/g, '/'));
    expect(names).toEqual(expect.arrayContaining(['main/settings.json', 'main/vault.key', 'main/logs/main.log']));
    expect(names.some((n) => n.startsWith('main/diagnostics/'))).toBe(true);
    for (const file of files) {
      expect(file.text, file.path).not.toContain(PASS_CODE);
      expect(file.text, file.path).not.toContain(PASSWORD);
    }
    const log = files.find((f) => f.path.endsWith('main.log'))?.text ?? '';
    expect(log).toMatch(/Signed in to the CRM/);
    expect(log).toMatch(/Sync push .*"done":1/);

    expect(replies.map((r) => r.channel)).toEqual(expect.arrayContaining(['saveSettings', 'sealSecret', 'pushOperations', 'exportDiagnostics']));
    for (const reply of replies) {
      expect(reply.text, reply.channel).not.toContain(PASS_CODE);
      expect(reply.text, reply.channel).not.toContain(PASSWORD);
    }
  });
});
