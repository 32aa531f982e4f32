/**
 * A recording stand-in for the `electron` module, for loading the built main bundle in Node. It
 * records what main asks of Electron, in order, and behaves like Electron where main depends on it:
 * a scheme registered as privileged after `ready` is refused, `whenReady` resolves when the test says.
 */
type Listener = (...args: unknown[]) => unknown;
type ProtocolHandler = (request: { url: string }) => Promise<Response>;
type InvokeHandler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

export interface WindowDouble {
  options: { webPreferences: Record<string, unknown> } & Record<string, unknown>;
  loadedUrl: string | null;
  sent: Array<{ channel: string; args: unknown[] }>;
  /** Each `webContents.print` call's options, in order. */
  printed: Array<Record<string, unknown>>;
}

/** The printers the double's computer has, and how its next prints end (null: they print). */
export interface PrintersDouble {
  installed: Array<{ name: string; displayName: string; description: string; options: Record<string, string> }>;
  failWith: string | null;
}

/** What the double's computer is like: its locale and its keychain (safeStorage's Linux backend). */
export interface ComputerDouble {
  locale: string;
  linuxBackend: string;
}

/** A native dialog main showed: showMessageBox's options, or showErrorBox's title and content. */
export type DialogDouble = { kind: 'messageBox'; options: Record<string, unknown> } | { kind: 'errorBox'; title: string; content: string };

export interface ElectronDouble {
  /** What `require('electron')` returns. */
  module: Record<string, unknown>;
  /** Each call main made, by name, in order ("ready" marks when the app became ready). */
  journal: string[];
  privilegedSchemes: unknown[];
  protocolHandlers: Map<string, ProtocolHandler>;
  ipcHandlers: Map<string, InvokeHandler>;
  windows: WindowDouble[];
  printers: PrintersDouble;
  /** Each native dialog main showed, in order. */
  dialogs: DialogDouble[];
  /** Resolves when main opens its first window. */
  firstWindow: Promise<WindowDouble>;
  /** Runs the listeners main put on `app` for this event; a listener may call event.preventDefault(). */
  emitApp(event: string, ...args: unknown[]): void;
  becomeReady(): void;
}

export function electronDouble(userData: string, computer: ComputerDouble = { locale: 'en-US', linuxBackend: 'gnome_libsecret' }): ElectronDouble {
  const journal: string[] = [];
  const dialogs: DialogDouble[] = [];
  const appListeners = new Map<string, Listener[]>();
  const protocolHandlers = new Map<string, ProtocolHandler>();
  const ipcHandlers = new Map<string, InvokeHandler>();
  const privilegedSchemes: unknown[] = [];
  const windows: WindowDouble[] = [];
  let ready = false;
  let markReady: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const record = (name: string) => journal.push(name);
  let windowOpened: (window: WindowDouble) => void = () => undefined;
  const firstWindow = new Promise<WindowDouble>((resolve) => {
    windowOpened = resolve;
  });

  const printers: PrintersDouble = { installed: [], failWith: null };
  type PrintCallback = (success: boolean, failureReason: string) => void;
  const contentsDouble = (id: number, double: WindowDouble) => ({
    id,
    send: (channel: string, ...args: unknown[]) => double.sent.push({ channel, args }),
    getPrintersAsync: async () => (record('webContents.getPrintersAsync'), printers.installed.map((printer) => ({ ...printer }))),
    print: (options: Record<string, unknown>, callback: PrintCallback) => {
      record('webContents.print');
      double.printed.push(options);
      // Like Electron, the callback comes later, never inside print().
      setImmediate(() => callback(printers.failWith === null, printers.failWith ?? ''));
    },
  });

  class BrowserWindow {
    static getAllWindows = () => instances;
    readonly webContents: ReturnType<typeof contentsDouble>;
    constructor(options: WindowDouble['options']) {
      record('new BrowserWindow');
      const double: WindowDouble = { options, loadedUrl: null, sent: [], printed: [] };
      windows.push(double);
      // Electron numbers webContents from 1.
      this.webContents = contentsDouble(instances.length + 1, double);
      instances.push(this);
      windowOpened(double);
    }
    once(): this {
      return this;
    }
    show(): void {}
    loadURL(url: string): Promise<void> {
      const double = windows[instances.indexOf(this)];
      if (double) double.loadedUrl = url;
      return Promise.resolve();
    }
  }
  const instances: BrowserWindow[] = [];

  const module = {
    app: {
      isPackaged: false,
      enableSandbox: () => record('app.enableSandbox'),
      whenReady: () => (record('app.whenReady'), readyPromise),
      getPath: (name: string) => (name === 'userData' ? userData : `${userData}/${name}`),
      getName: () => 'Token Desk',
      getVersion: () => '0.0.0-test',
      getLocale: () => computer.locale,
      exit: (code: number) => record(`app.exit ${code}`),
      quit: () => record('app.quit'),
      requestSingleInstanceLock: () => (record('app.requestSingleInstanceLock'), true),
      on: (event: string, listener: Listener) => {
        record(`app.on ${event}`);
        appListeners.set(event, [...(appListeners.get(event) ?? []), listener]);
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        record('protocol.registerSchemesAsPrivileged');
        if (ready) throw new Error('registerSchemesAsPrivileged must be called before the app is ready');
        privilegedSchemes.push(...schemes);
      },
      handle: (scheme: string, handler: ProtocolHandler) => {
        record(`protocol.handle ${scheme}`);
        protocolHandlers.set(scheme, handler);
      },
    },
    ipcMain: {
      handle: (channel: string, handler: InvokeHandler) => {
        record(`ipcMain.handle ${channel}`);
        ipcHandlers.set(channel, handler);
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => record('session.setPermissionRequestHandler'),
        setPermissionCheckHandler: () => record('session.setPermissionCheckHandler'),
        webRequest: { onBeforeRequest: () => record('session.webRequest.onBeforeRequest') },
      },
    },
    safeStorage: {
      getSelectedStorageBackend: () => computer.linuxBackend,
      isAsyncEncryptionAvailable: async () => true,
      encryptStringAsync: async (plain: string) => Buffer.from(`sealed:${plain}`),
      decryptStringAsync: async (sealed: Buffer) => ({ result: sealed.toString().replace(/^sealed:/, ''), shouldReEncrypt: false }),
    },
    dialog: {
      // Called as (window, options) or (options).
      showMessageBox: async (...args: unknown[]) => {
        record('dialog.showMessageBox');
        dialogs.push({ kind: 'messageBox', options: args.at(-1) as Record<string, unknown> });
        return { response: 0 };
      },
      showErrorBox: (title: string, content: string) => {
        record('dialog.showErrorBox');
        dialogs.push({ kind: 'errorBox', title, content });
      },
    },
    shell: { openExternal: async () => record('shell.openExternal') },
    webContents: { fromId: (id: number) => instances.find((window) => window.webContents.id === id)?.webContents },
    BrowserWindow,
  };

  return {
    module,
    journal,
    privilegedSchemes,
    protocolHandlers,
    ipcHandlers,
    windows,
    printers,
    dialogs,
    firstWindow,
    emitApp: (event, ...args) => {
      for (const listener of appListeners.get(event) ?? []) listener(...args);
    },
    becomeReady: () => {
      ready = true;
      record('ready');
      markReady();
    },
  };
}
