import { join } from 'node:path';
import { app, BrowserWindow, dialog, session, shell, webContents } from 'electron';
import { createCrashReloads, CRASH_WINDOW_MS, MAX_CRASH_RELOADS } from './crashReloads';
import { crashedForGood, keychainWarning, languageOfLocale, quitMessage, updateNotification } from './nativeWords';
import { createMainServices, type MainServices } from './mainServices';
import { forbiddenSwitches } from '../security/commandLine';
import { crmLinkHosts } from '../security/externalLinks';
import { lockDownContents, lockDownSession, type LockDownDeps } from '../security/lockDown';
import { createMainWindow } from '../security/mainWindow';
import { registerAppScheme, serveRenderer } from '../protocol/appProtocol';
import { APP_ORIGIN } from '../protocol/appOrigin';
import { startAutoUpdate } from '../update/autoUpdate';
import { registerIpc } from '../ipc/ipcRegistration';
import { SafeStorageVault } from '../vault/safeStorageVault';
import { startTrainingSimulator } from '../training/demoSimulator';
import { createSlipPrinter } from '../printing/slipPrinter';

/**
 * The thin Electron layer: every decision (window options, navigation, permissions, IPC senders,
 * links, logging, updates) lives in plain modules that are tested without Electron.
 */
const refused = app.isPackaged ? forbiddenSwitches(process.argv) : [];
if (refused.length > 0) {
  console.error(`Token Desk does not run with debugging switches (${refused.join(', ')}).`);
  app.exit(1);
}
app.enableSandbox();
registerAppScheme();

async function start(): Promise<void> {
  await app.whenReady();
  const vault = new SafeStorageVault();
  const keychain = await vault.assess();
  const services = createMainServices({
    dataDir: app.getPath('userData'),
    vault,
    app: { name: app.getName(), version: app.getVersion() },
    keychainWarning: keychain.level === 'ok' ? null : keychain.warning,
    systemLanguage: languageOfLocale(app.getLocale()),
    log: { mirror: (level, line) => (level === 'info' ? console.log(line) : console.warn(line)) },
    training: { start: startTrainingSimulator },
    clearRendererStorage: () => session.defaultSession.clearStorageData({ origin: APP_ORIGIN, storages: ['indexdb'] }),
    // A window is named by its webContents id (ipcRegistration), so the slip prints from the window that asked.
    printer: createSlipPrinter((window) => webContents.fromId(Number(window)) ?? null),
  });
  const deps: LockDownDeps = {
    log: services.log,
    links: {
      allowedHosts: async () => crmLinkHosts((await services.settings.view()).crmUrl),
      open: (url) => shell.openExternal(url), // eng-disable OPEN_EXTERNAL_JS_CHECK (only vetted URLs: security/lockDown.ts openIfVetted)
    },
  };
  lockDownSession(session.defaultSession, services.log);
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, deps));
  serveRenderer(join(__dirname, '..', 'dist', 'renderer'));
  registerIpc(services.router, services.events, services.log, (window) => services.operators.forget({ window }));
  const openWindow = () => createMainWindow(BrowserWindow, { preloadPath: join(__dirname, 'preload.cjs'), devTools: !app.isPackaged });
  const window = openWindow();
  if (keychain.level !== 'ok') {
    // Shown once the window has said its language, so the clerk reads it in that language.
    services.language.whenSaid((language) => void dialog.showMessageBox(window, { type: 'warning', title: 'Token Desk', ...keychainWarning(language, keychain.level) }));
  }
  startAutoUpdate(services.log, app.isPackaged, updateNotification(() => services.language.current()));
  app.on('second-instance', () => {
    const first = BrowserWindow.getAllWindows()[0];
    if (!first) return;
    if (first.isMinimized()) first.restore();
    first.focus();
  });
  const crashReloads = createCrashReloads();
  app.on('render-process-gone', (_event, contents, details) => {
    if (details.reason === 'clean-exit') return;
    const decision = crashReloads(Date.now());
    services.log.error('The window crashed', { reason: details.reason, exitCode: details.exitCode, decision });
    if (decision === 'reload') contents.reload();
    else dialog.showErrorBox('Token Desk', crashedForGood(services.language.current(), MAX_CRASH_RELOADS, CRASH_WINDOW_MS));
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  quitAfterFinalSync(services);
}

/** Quitting first tries to send what is still queued, then says what stays. */
function quitAfterFinalSync(services: MainServices): void {
  let finished = false;
  app.on('before-quit', (event) => {
    if (finished) return;
    event.preventDefault();
    finished = true;
    void services
      .finalSync()
      .then(async ({ stillQueued }) => {
        const message = quitMessage(services.language.current(), stillQueued);
        services.log.info('Quitting', { stillQueued });
        if (message) await dialog.showMessageBox({ type: 'info', title: 'Token Desk', message });
      })
      .catch((error: unknown) => services.log.error('Final sync failed', { error: String(error) }))
      .finally(() => void services.dispose().finally(() => app.quit()));
  });
}

// One Token Desk per profile: a second launch hands over to the first (which comes to the front) and exits.
if (app.requestSingleInstanceLock()) void start();
else app.quit();
