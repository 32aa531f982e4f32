import { join } from 'node:path';
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { createMainServices } from './mainServices';
import { forbiddenSwitches } from '../security/commandLine';
import { crmLinkHosts } from '../security/externalLinks';
import { lockDownContents, lockDownSession, type LockDownDeps } from '../security/lockDown';
import { createMainWindow } from '../security/mainWindow';
import { registerAppScheme, serveRenderer } from '../protocol/appProtocol';
import { startAutoUpdate } from '../update/autoUpdate';
import { registerIpc } from '../ipc/ipcRegistration';
import { SafeStorageVault } from '../vault/safeStorageVault';
import { startTrainingSimulator } from '../training/demoSimulator';

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
    log: { mirror: (level, line) => (level === 'info' ? console.log(line) : console.warn(line)) },
    training: { start: startTrainingSimulator },
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
  registerIpc(services.router, services.events, services.log);
  const openWindow = () => createMainWindow(BrowserWindow, { preloadPath: join(__dirname, 'preload.cjs'), devTools: !app.isPackaged });
  const window = openWindow();
  if (keychain.level !== 'ok') {
    void dialog.showMessageBox(window, { type: 'warning', title: 'Token Desk', message: 'Secrets are not protected by an OS keychain', detail: keychain.warning });
  }
  startAutoUpdate(services.log, app.isPackaged);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => void services.dispose());
}

void start();
