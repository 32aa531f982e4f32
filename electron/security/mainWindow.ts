import { APP_ENTRY_URL } from '../protocol/appOrigin';

/**
 * The Token Desk window's options. The webPreferences are the security checklist in one place:
 * isolated context, OS sandbox, no Node in the page, web security on, no webviews, no insecure content,
 * no middle-click windows (Auxclick), and DevTools only in an unpackaged (development) run.
 */
export interface MainWindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  title: string;
  show: boolean;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    nodeIntegrationInWorker: false;
    nodeIntegrationInSubFrames: false;
    webSecurity: true;
    allowRunningInsecureContent: false;
    experimentalFeatures: false;
    webviewTag: false;
    navigateOnDragDrop: false;
    safeDialogs: true;
    spellcheck: false;
    disableBlinkFeatures: string;
    devTools: boolean;
  };
}

export interface WindowLike {
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  loadURL(url: string): Promise<void>;
}

export type WindowConstructor<W extends WindowLike> = new (options: MainWindowOptions) => W;

export interface MainWindowSettings {
  preloadPath: string;
  /** False in a packaged app. */
  devTools: boolean;
}

/**
 * Opens the window on the app:// entry page. Electron's BrowserWindow is passed in, so this runs
 * (and is tested) without Electron, and the options stay one literal a scanner can read.
 */
export function createMainWindow<W extends WindowLike>(BrowserWindow: WindowConstructor<W>, settings: MainWindowSettings): W {
  const window = new BrowserWindow({
    width: 1200,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    title: 'Token Desk',
    show: false,
    webPreferences: {
      preload: settings.preloadPath, // eng-disable PRELOAD_JS_CHECK (sandboxed, exposes only the IPC contract)
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: settings.devTools,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
