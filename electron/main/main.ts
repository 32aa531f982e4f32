import { join } from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import { createMainServices } from '../app/mainServices';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './appProtocol';
import { registerIpc } from './ipcRegistration';
import { SafeStorageVault } from './safeStorageVault';

registerAppScheme();

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 820,
    title: 'Token Desk',
    show: false,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

/** No navigation away from the app, no new windows, no permissions. */
function lockDown(): void {
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (new URL(url).origin !== APP_ORIGIN) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  lockDown();
  const vault = new SafeStorageVault();
  await vault.warnIfWeak((message) => console.warn(`[vault] ${message}`));
  const services = createMainServices({ dataDir: app.getPath('userData'), vault });
  serveRenderer(join(__dirname, '..', 'dist', 'renderer'));
  registerIpc(services.router);
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => void services.dispose());
}

void start();
