import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RendererSyncState } from '../../../shared/ipc/contract';
import { createTokenDeskApi, type TokenDeskApi } from '../../../shared/ipc/tokenDeskApi';
import { createMainServices, type MainServices } from '../../../electron/app/mainServices';
import { startTrainingSimulator } from '../../../electron/training/demoSimulator';
import { FileKeyVault } from '../../../electron/vault/fileKeyVault';
import { signInManager } from '../signedIn';
import { startCrmSim, type CrmSim } from '../../crm-sim/simulator';
import { loadDemoData } from '../../crm-sim/simData';
import { newCode } from '../simHelpers';

/** Main's log and the "Export diagnostics" bundle, through the real router against the simulator. */

const PASSWORD = 'Vq7-kestrel-5531';
const PASS_CODE = '730518';

const RENDERER_STATE: RendererSyncState = {
  crm: 'ok',
  pendingCount: 2,
  parkedCount: 1,
  conflictCount: 0,
  oldestPendingAt: 1_700_000_000_000,
  lastSyncAt: null,
  lastMessage: '1 synced',
  lastError: { code: 'HTTP_503', message: 'The CRM answered HTTP 503.' },
  syncing: false,
};

async function allText(dir: string): Promise<string> {
  const files = (await readdir(dir, { recursive: true })).map(String);
  const texts: string[] = [];
  for (const file of files) {
    if ((await stat(join(dir, file))).isFile()) texts.push(await readFile(join(dir, file), 'latin1'));
  }
  return texts.join('\n');
}

describe('main log and diagnostics bundle', () => {
  let sim: CrmSim;
  let dataDir: string;
  let services: MainServices;
  let api: TokenDeskApi;

  beforeAll(async () => {
    const data = loadDemoData();
    const demo = data.users[0];
    if (!demo) throw new Error('demo data has no user');
    sim = await startCrmSim({ data: { ...data, users: [...data.users, { ...demo, id: '99', username: 'counter7', password: PASSWORD }] } });
    dataDir = await mkdtemp(join(tmpdir(), 'diagnostics-'));
    services = createMainServices({ dataDir, vault: new FileKeyVault(join(dataDir, 'vault.key')), app: { name: 'Token Desk', version: '9.9.9' }, training: { start: startTrainingSimulator } });
    api = createTokenDeskApi((channel, payload) => services.router.handle(channel, payload), (deliver) => services.events.subscribe(deliver));
    await signInManager(services.router);
  });

  afterAll(async () => {
    await services.dispose();
    await sim.close();
  });

  it('logs the sign-in, the sync outcome and refused calls, without secrets', async () => {
    await api.saveSettings({ crmUrl: sim.url, organisation: 'DEMO', username: 'counter7', password: PASSWORD });
    const { sealed } = await api.sealSecret({ plaintext: PASS_CODE });
    const code = newCode();
    const reply = await api.pushOperations({
      operations: [{ seq: 1, tokenLocalId: 't1', attempt: 1, authenticationCode: code, kind: 'create', identifier: `CARD${code.slice(0, 6)}`, sealedPassCode: sealed, participantNumber: null }],
    });
    expect(reply.results).toMatchObject([{ outcome: 'done' }]);
    expect(sim.tokens().find((t) => t.authentication_code === code)?.pass_code).toBe(PASS_CODE);
    await services.router.handle('saveSettings', { crmUrl: 'ftp://nope' });
    await services.log.flush();
    const log = await readFile(join(dataDir, 'logs', 'main.log'), 'utf8');
    expect(log).toMatch(/INFO {2}Settings saved .*"username":"counter7".*"passwordChanged":true/);
    expect(log).toMatch(/INFO {2}Signed in to the CRM .*"username":"counter7"/);
    expect(log).toMatch(/INFO {2}Sync push .*"crm":"ok","operations":1,"done":1/);
    expect(log).toMatch(/WARN {2}IPC call failed .*"channel":"saveSettings","code":"BAD_REQUEST"/);
    expect(log).not.toContain(PASSWORD);
    expect(log).not.toContain(PASS_CODE);
    expect(log).not.toContain(sealed);
  });

  it('logs a refused sign-in', async () => {
    await api.saveSettings({ crmUrl: sim.url, organisation: 'DEMO', username: 'counter7', password: 'wrong-password-1' });
    expect((await api.testConnection({})).crm).toBe('loginFailed');
    await services.log.flush();
    const log = await readFile(join(dataDir, 'logs', 'main.log'), 'utf8');
    expect(log).toMatch(/WARN {2}CRM sign-in failed .*CrmError/);
    expect(log).toMatch(/WARN {2}Connection test .*"crm":"loginFailed"/);
    expect(log).not.toContain('wrong-password-1');
    await api.saveSettings({ crmUrl: sim.url, organisation: 'DEMO', username: 'counter7', password: PASSWORD });
  });

  it('tests the values on screen without saving them, and never sends the saved password to another server', async () => {
    await api.saveSettings({ crmUrl: sim.url, organisation: 'DEMO', username: 'counter7', password: 'wrong-password-2' });
    const onScreen = { crmUrl: sim.url, organisation: 'DEMO', username: 'counter7' };
    expect((await api.testConnection({ settings: { ...onScreen, password: PASSWORD } })).crm).toBe('ok');
    expect((await api.testConnection({})).crm).toBe('loginFailed');
    expect((await api.testConnection({ settings: { ...onScreen, crmUrl: 'http://127.0.0.1:9' } })).crm).toBe('unconfigured');
    await api.saveSettings({ ...onScreen, password: PASSWORD });
  });

  it('writes a bundle with versions, OS, settings without secrets, sync state and recent log lines, and returns its path', async () => {
    const { path } = await api.exportDiagnostics({ rendererState: RENDERER_STATE });
    expect(path.startsWith(join(dataDir, 'diagnostics', 'token-desk-diagnostics-'))).toBe(true);
    // Owner-only; Windows has no POSIX modes (the user profile's ACL protects it there).
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);
    const bundle = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    expect(bundle).toMatchObject({
      kind: 'token-desk-diagnostics',
      app: { name: 'Token Desk', version: '9.9.9' },
      runtime: { node: process.versions.node, electron: null },
      os: { platform: process.platform },
      vault: { protection: 'key file (no OS keychain)', warning: null },
      settings: { crmUrl: `${sim.url}/`, organisation: 'DEMO', username: 'counter7', passwordSet: true, configured: true },
      syncProgress: { running: false },
      renderer: RENDERER_STATE,
    });
    expect(Object.keys(bundle.settings as object)).not.toContain('sealedPassword');
    const lines = (bundle.log as { lines: string[] }).lines;
    expect(lines.some((l) => l.includes('Sync push'))).toBe(true);
    const text = await readFile(path, 'utf8');
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(PASS_CODE);
  });

  it('refuses a malformed renderer state without writing anything', async () => {
    const before = await readdir(join(dataDir, 'diagnostics'));
    const reply = await services.router.handle('exportDiagnostics', { rendererState: { ...RENDERER_STATE, pendingCount: -1 } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await readdir(join(dataDir, 'diagnostics'))).toEqual(before);
  });

  it('keeps every secret out of everything main wrote: settings, vault key aside, logs and bundles', async () => {
    const text = await allText(dataDir);
    expect(text).toContain('counter7');
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(PASS_CODE);
  });
});
