import Module, { createRequire } from 'node:module';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ELECTRON_EVENT_CHANNEL, ELECTRON_IPC_CHANNEL } from '../../../shared/ipc/contract';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES } from '../../../electron/protocol/appOrigin';
import { RENDERER_CSP } from '../../../electron/protocol/rendererAssets';
import { electronDouble, type ElectronDouble } from './electronDouble';

const ROOT = resolve(import.meta.dirname, '../../..');
const INDEX_HTML = '<!doctype html><title>Token Desk</title>';
const SECRET = 'not for the renderer';

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;
const loader = Module as unknown as { _load: Load };

/**
 * Main's Electron glue, as it ships: the bundle `npm run build` makes (built here into a temp folder
 * with the same Vite target), loaded in Node with a recording double in place of `electron`.
 */
describe('the built main bundle against a recording Electron', () => {
  let work: string;
  let electron: ElectronDouble;
  let bundleDir: string;
  const originalLoad = loader._load;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'main-bundle-'));
    bundleDir = join(work, 'dist-electron');
    await build({ configFile: join(ROOT, 'vite.config.ts'), mode: 'main', logLevel: 'silent', build: { outDir: bundleDir, emptyOutDir: true } });
    // main.cjs serves ../dist/renderer beside itself, as in the packaged app.
    await mkdir(join(work, 'dist', 'renderer', 'assets'), { recursive: true });
    await writeFile(join(work, 'dist', 'renderer', 'index.html'), INDEX_HTML);
    await writeFile(join(work, 'dist', 'secret.txt'), SECRET);
    // A Linux computer without a keyring (basic_text), in English: main's keychain warning waits for the window's language.
    electron = electronDouble(join(work, 'userData'), { locale: 'en-US', linuxBackend: 'basic_text' });
    loader._load = function load(request, parent, isMain) {
      return request === 'electron' ? electron.module : originalLoad.call(this, request, parent, isMain);
    };
    createRequire(import.meta.url)(join(bundleDir, 'main.cjs'));
    expect(electron.journal).not.toContain('new BrowserWindow');
    electron.becomeReady();
    await electron.firstWindow;
  }, 180_000);

  afterAll(() => {
    loader._load = originalLoad;
  });

  const serve = (url: string) => {
    const handler = electron.protocolHandlers.get(APP_SCHEME);
    if (!handler) throw new Error('no app:// handler');
    return handler({ url });
  };
  /** The window's webContents as an IPC event names it: its id, and its 'destroyed' listeners. */
  const destroyedListeners: Array<() => void> = [];
  const sender = { id: 1, once: (event: string, listener: () => void) => (event === 'destroyed' ? destroyedListeners.push(listener) : undefined) };
  const invoke = (frameUrl: string, channel: unknown, payload: unknown) => {
    const handler = electron.ipcHandlers.get(ELECTRON_IPC_CHANNEL);
    if (!handler) throw new Error('no IPC handler');
    return handler({ senderFrame: { url: frameUrl, parent: null }, sender }, channel, payload);
  };

  it('registers app:// as privileged (standard and secure only) before the app is ready, and turns the sandbox on', () => {
    expect(electron.privilegedSchemes).toEqual([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
    const journal = electron.journal;
    expect(journal.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(journal.indexOf('ready'));
    expect(journal.indexOf('app.enableSandbox')).toBeLessThan(journal.indexOf('ready'));
  });

  it('takes the single-instance lock and listens for a second launch', () => {
    expect(electron.journal).toEqual(expect.arrayContaining(['app.requestSingleInstanceLock', 'app.on second-instance']));
  });

  it('serves index.html from app://token-desk with the CSP header', async () => {
    const response = await serve(APP_ENTRY_URL);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(await response.text()).toBe(INDEX_HTML);
  });

  it('refuses traversal out of the renderer folder, other hosts and missing files', async () => {
    for (const url of [
      'app://token-desk/../secret.txt',
      'app://token-desk/%2e%2e/secret.txt',
      'app://token-desk/..%2fsecret.txt',
      'app://token-desk/assets/..%2f..%2fsecret.txt',
      'app://token-desk/%2e%2e%5csecret.txt',
      'app://evil/index.html',
      'app://token-desk/missing.js',
    ]) {
      const response = await serve(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain(SECRET);
    }
  });

  it("answers IPC on the contract's one channel, through the router, only for the app's main frame", async () => {
    expect([...electron.ipcHandlers.keys()]).toEqual([ELECTRON_IPC_CHANNEL]);
    expect(await invoke(APP_ENTRY_URL, 'getSettings', {})).toMatchObject({ ok: true, value: { configured: false, crmUrl: '' } });
    expect(await invoke(APP_ENTRY_URL, 'getSettings', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await invoke(APP_ENTRY_URL, 'getSyncProgress', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await invoke('https://evil.example/', 'getSettings', {})).toMatchObject({ ok: false, error: { code: 'FAILED' } });
  });

  it("shows the keychain warning once the window says its language, in that language, and its crash dialog in the latest", async () => {
    expect(electron.dialogs).toEqual([]);
    expect(await invoke(APP_ENTRY_URL, 'setLanguage', { language: 'el' })).toEqual({ ok: true, value: {} });
    expect(electron.dialogs).toEqual([
      {
        kind: 'messageBox',
        options: {
          type: 'warning',
          title: 'Token Desk',
          message: expect.stringMatching(/^Τα μυστικά δεν προστατεύονται από κλειδοθήκη/),
          detail: expect.stringMatching(/^Δεν βρέθηκε κλειδοθήκη .*GNOME Keyring ή KWallet/),
        },
      },
    ]);
    expect(await invoke(APP_ENTRY_URL, 'setLanguage', { language: 'de' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', words: { code: 'badCall' } } });

    let reloads = 0;
    const crash = () => electron.emitApp('render-process-gone', {}, { reload: () => (reloads += 1) }, { reason: 'crashed', exitCode: 1 });
    for (let crashes = 0; crashes < 4; crashes += 1) crash();
    expect(reloads).toBe(3);
    expect(electron.dialogs.at(-1)).toEqual({ kind: 'errorBox', title: 'Token Desk', content: expect.stringMatching(/^Το παράθυρο κατέρρευσε 3 φορές σε 5 λεπτά/) });

    expect(await invoke(APP_ENTRY_URL, 'setLanguage', { language: 'en' })).toEqual({ ok: true, value: {} });
    crash();
    expect(electron.dialogs.filter((dialog) => dialog.kind === 'messageBox')).toHaveLength(1);
    expect(electron.dialogs.at(-1)).toEqual({ kind: 'errorBox', title: 'Token Desk', content: expect.stringMatching(/^The window crashed 3 times in 5 minutes/) });
  });

  it("sends main's events to the window on the contract's event channel", async () => {
    expect(await invoke(APP_ENTRY_URL, 'saveSettings', { crmUrl: 'http://127.0.0.1:9', organisation: 'DEMO', username: 'demo' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await invoke(APP_ENTRY_URL, 'createFirstManager', { name: 'Maria', pin: '2468' })).toMatchObject({ ok: true });
    const saved = await invoke(APP_ENTRY_URL, 'saveSettings', { crmUrl: 'http://127.0.0.1:9', organisation: 'DEMO', username: 'demo' });
    expect(saved).toMatchObject({ ok: true });
    expect(electron.windows[0]?.sent).toContainEqual({ channel: ELECTRON_EVENT_CHANNEL, args: ['queueChanged', { cause: 'crmSettingsSaved' }] });
  });

  it("ends a window's sign-in when the window is destroyed", async () => {
    expect(await invoke(APP_ENTRY_URL, 'getOperators', {})).toMatchObject({ ok: true, value: { session: { operator: { name: 'Maria' } } } });
    expect(destroyedListeners).toHaveLength(1);
    for (const listener of destroyedListeners.splice(0)) listener();
    expect(await invoke(APP_ENTRY_URL, 'getOperators', {})).toMatchObject({ ok: true, value: { session: null } });
    expect(await invoke(APP_ENTRY_URL, 'setTraining', { on: false })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('opens one window on app:// with the secure webPreferences and the preload beside the bundle', () => {
    const window = electron.windows[0];
    expect(window?.loadedUrl).toBe(APP_ENTRY_URL);
    // Every option is checked in electronChecklist.test.ts; here, that the bundle's window gets them.
    const secure = { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false };
    expect(window?.options.webPreferences).toMatchObject({ ...secure, preload: join(bundleDir, 'preload.cjs'), devTools: true });
    expect(electron.journal).toEqual(
      expect.arrayContaining(['session.setPermissionRequestHandler', 'session.setPermissionCheckHandler', 'session.webRequest.onBeforeRequest', 'app.on web-contents-created']),
    );
  });

  it('takes the single-instance lock before it starts', () => {
    expect(electron.journal.indexOf('app.requestSingleInstanceLock')).toBeGreaterThanOrEqual(0);
    expect(electron.journal.indexOf('app.requestSingleInstanceLock')).toBeLessThan(electron.journal.indexOf('app.whenReady'));
    expect(electron.journal).toEqual(expect.arrayContaining(['app.on second-instance', 'app.on render-process-gone']));
  });

  it("prints a slip without a dialog to the chosen printer, from the calling window's webContents, and says so when it fails", async () => {
    electron.printers.installed = [
      { name: 'EPSON_TM_T20', displayName: 'EPSON TM-T20', description: '', options: {} },
      { name: 'Office_A4', displayName: 'Office A4', description: '', options: {} },
    ];
    expect(await invoke(APP_ENTRY_URL, 'listPrinters', {})).toEqual({
      ok: true,
      value: { silent: true, printers: [{ name: 'EPSON_TM_T20', displayName: 'EPSON TM-T20' }, { name: 'Office_A4', displayName: 'Office A4' }] },
    });
    const window = electron.windows[0];
    expect(await invoke(APP_ENTRY_URL, 'printSlip', { deviceName: 'EPSON_TM_T20', paper: '80mm', heightMm: 140 })).toEqual({ ok: true, value: { via: 'printer' } });
    expect(await invoke(APP_ENTRY_URL, 'printSlip', { deviceName: 'Office_A4', paper: 'A4', heightMm: 140 })).toEqual({ ok: true, value: { via: 'printer' } });
    expect(window?.printed).toEqual([
      { silent: true, deviceName: 'EPSON_TM_T20', pageSize: { width: 80_000, height: 140_000 }, margins: { marginType: 'none' }, printBackground: false },
      { silent: true, deviceName: 'Office_A4', pageSize: 'A4', margins: { marginType: 'default' }, printBackground: false },
    ]);

    electron.printers.failWith = 'Printer is out of paper';
    const failed = await invoke(APP_ENTRY_URL, 'printSlip', { deviceName: 'EPSON_TM_T20', paper: '58mm', heightMm: 100 });
    expect(failed).toEqual({
      ok: false,
      error: { code: 'FAILED', message: 'The printer said: Printer is out of paper.', words: { code: 'printerSaid', reason: 'Printer is out of paper' } },
    });
    expect(window?.printed.at(-1)).toMatchObject({ silent: true, deviceName: 'EPSON_TM_T20', pageSize: { width: 58_000, height: 100_000 } });
    electron.printers.failWith = null;

    const unplugged = await invoke(APP_ENTRY_URL, 'printSlip', { deviceName: 'Gone_Printer', paper: '80mm', heightMm: 100 });
    expect(unplugged).toMatchObject({
      ok: false,
      error: { code: 'FAILED', message: expect.stringContaining('“Gone_Printer” is not connected'), words: { code: 'printerGone', printer: 'Gone_Printer' } },
    });
    expect(window?.printed).toHaveLength(3);
  });

  it('disposes the services when the app quits (after a last try to sync): the log is written out to its last line', async () => {
    electron.emitApp('before-quit', { preventDefault: () => undefined });
    const log = join(work, 'userData', 'logs', 'main.log');
    await expect.poll(async () => (await readFile(log, 'utf8').catch(() => '')).includes('Token Desk main process stopped'), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => electron.journal.includes('app.quit'), { timeout: 30_000 }).toBe(true);
  });
});
