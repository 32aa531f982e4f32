import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, isAppUrl } from '../../electron/protocol/appOrigin';
import { forbiddenSwitches } from '../../electron/security/commandLine';
import { crmLinkHosts, vetExternalUrl } from '../../electron/security/externalLinks';
import {
  isBlockedRendererRequest,
  lockDownContents,
  lockDownSession,
  type GuardedContents,
  type GuardedSession,
  type LockDownDeps,
  type NavigationAttempt,
} from '../../electron/security/lockDown';
import { createMainWindow, type MainWindowOptions } from '../../electron/security/mainWindow';
import { memoryLogger, settle } from './fakes';

/** Electron's security checklist, item by item, against the plain modules that main.ts wires to Electron. */

class FakeWindow {
  static created: FakeWindow[] = [];
  readonly listeners = new Map<string, () => void>();
  loaded: string | null = null;
  shown = false;
  constructor(readonly options: MainWindowOptions) {
    FakeWindow.created.push(this);
  }
  once(event: 'ready-to-show', listener: () => void): this {
    this.listeners.set(event, listener);
    return this;
  }
  show(): void {
    this.shown = true;
  }
  async loadURL(url: string): Promise<void> {
    this.loaded = url;
  }
}

type Listener = (event: NavigationAttempt) => void;

class FakeContents implements GuardedContents {
  readonly listeners = new Map<string, Listener>();
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  on(event: string, listener: Listener): this {
    this.listeners.set(event, listener);
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  /** Fires a navigation event; true when the listener prevented it. */
  fire(event: string, url: string): boolean {
    let prevented = false;
    this.listeners.get(event)?.({ url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

function deps(allowed: string[] = ['crm.example.com']): LockDownDeps & { opened: string[]; log: ReturnType<typeof memoryLogger> } {
  const opened: string[] = [];
  return { opened, log: memoryLogger(), links: { allowedHosts: async () => allowed, open: async (url) => void opened.push(url) } };
}

const anyUrl = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom(APP_ENTRY_URL, 'app://token-desk/other.html', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<script>1</script>', 'chrome://settings', 'about:blank'),
  fc.string(),
);

describe('BrowserWindow webPreferences', () => {
  it('opens the window isolated, sandboxed, without Node, with web security, on the app:// entry page', () => {
    FakeWindow.created = [];
    const window = createMainWindow(FakeWindow, { preloadPath: '/app/dist-electron/preload.cjs', devTools: false });
    expect(window.options.webPreferences).toEqual({
      preload: '/app/dist-electron/preload.cjs',
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
      devTools: false,
    });
    expect(window.loaded).toBe('app://token-desk/index.html');
    expect(window.shown).toBe(false);
    window.listeners.get('ready-to-show')?.();
    expect(window.shown).toBe(true);
  });

  it('allows DevTools only when asked (an unpackaged run)', () => {
    expect(createMainWindow(FakeWindow, { preloadPath: 'p', devTools: true }).options.webPreferences.devTools).toBe(true);
  });
});

describe('navigation and new windows', () => {
  it('registers a guard for will-navigate, will-frame-navigate, will-redirect, webviews and window.open', () => {
    const contents = new FakeContents();
    lockDownContents(contents, deps());
    expect([...contents.listeners.keys()].sort()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect']);
    expect(contents.openHandler).not.toBeNull();
  });

  it('prevents every navigation and redirect, whatever the URL, app:// included', () => {
    const contents = new FakeContents();
    lockDownContents(contents, deps());
    fc.assert(
      fc.property(anyUrl, fc.constantFrom('will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview'), (url, event) => {
        expect(contents.fire(event, url)).toBe(true);
      }),
    );
  });

  it('denies every window.open', () => {
    const contents = new FakeContents();
    lockDownContents(contents, deps());
    fc.assert(fc.property(anyUrl, (url) => contents.openHandler?.({ url }).action === 'deny'));
  });

  it('hands a vetted link to the system browser, and nothing else', async () => {
    const d = deps(['crm.example.com']);
    const contents = new FakeContents();
    lockDownContents(contents, d);
    contents.openHandler?.({ url: 'https://crm.example.com/help?x=1' });
    contents.fire('will-navigate', 'https://eu.crm.example.com/');
    contents.openHandler?.({ url: 'https://evil.example.org/' });
    contents.openHandler?.({ url: 'https://user:pw@crm.example.com/' });
    contents.openHandler?.({ url: 'file:///etc/passwd' });
    contents.fire('will-navigate', 'javascript:alert(1)');
    contents.fire('will-redirect', 'https://crm.example.com/redirected');
    contents.fire('will-navigate', APP_ENTRY_URL);
    await settle();
    expect(d.opened).toEqual(['https://crm.example.com/help?x=1', 'https://eu.crm.example.com/']);
    expect(d.log.lines.filter((l) => l.message === 'Refused to open a link outside the app')).toHaveLength(4);
  });
});

describe('openExternal vetting', () => {
  it('passes only http(s) URLs without credentials to allowed hosts', () => {
    const allowed = ['crm.example.com'];
    expect(vetExternalUrl('https://crm.example.com/a', allowed)).toBe('https://crm.example.com/a');
    expect(vetExternalUrl('http://CRM.example.com', allowed)).toBe('http://crm.example.com/');
    for (const bad of [
      'https://crm.example.com.evil.org/',
      'https://evilcrm.example.com/',
      'https://a:b@crm.example.com/',
      'https://crm.example.com@evil.org/',
      'ftp://crm.example.com/',
      'file:///C:/Windows/system32/calc.exe',
      'javascript:alert(1)',
      'smb://crm.example.com/share',
      ' https://crm.example.com/',
      'https://crm.example.com/\n',
      `https://crm.example.com/${'a'.repeat(3000)}`,
    ]) {
      expect(vetExternalUrl(bad, allowed), bad).toBeNull();
    }
    expect(vetExternalUrl('https://crm.example.com/', [])).toBeNull();
    expect(vetExternalUrl(42, allowed)).toBeNull();
  });

  it('never lets through a scheme other than http(s), nor credentials, for any input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl({ withQueryParameters: true }), fc.string(), anyUrl), fc.array(fc.domain(), { maxLength: 3 }), (raw, hosts) => {
        const vetted = vetExternalUrl(raw, hosts);
        if (vetted === null) return;
        const url = new URL(vetted);
        expect(['http:', 'https:']).toContain(url.protocol);
        expect(url.username + url.password).toBe('');
        expect(hosts.some((h) => url.hostname === h.toLowerCase() || url.hostname.endsWith(`.${h.toLowerCase()}`))).toBe(true);
      }),
    );
  });

  it('allows links only to the configured CRM server', () => {
    expect(crmLinkHosts('https://crm.example.com/crmapi/rest/v2')).toEqual(['crm.example.com']);
    expect(crmLinkHosts('')).toEqual([]);
    expect(crmLinkHosts('ftp://x')).toEqual([]);
  });
});

describe('permissions and remote content', () => {
  function fakeSession() {
    const handlers: {
      request?: Parameters<GuardedSession['setPermissionRequestHandler']>[0];
      check?: Parameters<GuardedSession['setPermissionCheckHandler']>[0];
      beforeRequest?: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;
      filter?: { urls: string[] };
    } = {};
    const session: GuardedSession = {
      setPermissionRequestHandler: (handler) => void (handlers.request = handler),
      setPermissionCheckHandler: (handler) => void (handlers.check = handler),
      webRequest: { onBeforeRequest: (filter, listener) => void Object.assign(handlers, { filter, beforeRequest: listener }) },
    };
    return { session, handlers };
  }

  it('grants persistent storage to the app’s own main frame only, request and check alike', () => {
    const { session, handlers } = fakeSession();
    lockDownSession(session, memoryLogger());
    const ask = (requestingUrl: string, isMainFrame = true) => {
      const callback = vi.fn();
      handlers.request?.({}, 'persistent-storage', callback, { requestingUrl, isMainFrame });
      return callback.mock.calls[0]?.[0] as boolean | undefined;
    };
    expect(ask(APP_ENTRY_URL)).toBe(true);
    expect(ask(APP_ENTRY_URL, false)).toBe(false);
    for (const url of ['https://evil.example/', 'app://token-desk:8080/index.html', 'app://other/index.html', 'file:///index.html']) expect(ask(url), url).toBe(false);
    expect(handlers.check?.({}, 'persistent-storage', 'app://token-desk')).toBe(true);
    expect(handlers.check?.({}, 'persistent-storage', 'https://evil.example')).toBe(false);
    expect(handlers.check?.({}, 'notifications', 'app://token-desk')).toBe(false);
  });

  it('denies every other permission request and check', () => {
    const { session, handlers } = fakeSession();
    const log = memoryLogger();
    lockDownSession(session, log);
    const permissions = ['media', 'geolocation', 'notifications', 'midi', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'openExternal', 'hid', 'serial', 'usb', 'unknown'];
    for (const permission of permissions) {
      const callback = vi.fn();
      handlers.request?.({}, permission, callback, { requestingUrl: APP_ENTRY_URL });
      expect(callback).toHaveBeenCalledWith(false);
    }
    for (const permission of permissions) expect(handlers.check?.({}, permission, 'app://token-desk')).toBe(false);
    expect(log.lines.filter((l) => l.message === 'Denied a permission request')).toHaveLength(permissions.length);
  });

  it('cancels every request from the renderer that would reach the network or the disk', () => {
    const { session, handlers } = fakeSession();
    lockDownSession(session, memoryLogger());
    expect(handlers.filter).toEqual({ urls: ['<all_urls>'] });
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      handlers.beforeRequest?.({ url }, (response) => (cancel = response.cancel));
      return cancel;
    };
    for (const url of ['https://cdn.example.com/x.js', 'http://127.0.0.1:8787/crmapi', 'ws://evil/', 'wss://evil/', 'file:///etc/passwd', 'ftp://x/', 'not a url']) {
      expect(decide(url), url).toBe(true);
    }
    expect(decide(APP_ENTRY_URL)).toBe(false);
    expect(decide('app://token-desk/assets/index.js')).toBe(false);
    expect(decide('devtools://devtools/bundled/inspector.html')).toBe(false);
    fc.assert(fc.property(fc.webUrl(), (url) => isBlockedRendererRequest(url)));
  });
});

describe('the app:// origin', () => {
  it('is a standard, secure scheme that bypasses nothing', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true });
  });

  it('recognises only app://token-desk, whatever Node thinks the origin of a custom scheme is', () => {
    expect(new URL(APP_ENTRY_URL).origin).toBe('null');
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://token-desk/assets/x.js?y#z')).toBe(true);
    for (const url of ['app://token-desk.evil/', 'app://evil/', 'app://token-desk:1/', 'app://u:p@token-desk/', 'https://token-desk/', 'app:token-desk', '', 'null', undefined, null]) {
      expect(isAppUrl(url), String(url)).toBe(false);
    }
  });
});

describe('command line', () => {
  it('finds the debugging switches a packaged app refuses', () => {
    expect(forbiddenSwitches(['/opt/Token Desk/token-desk', '--remote-debugging-port=9222', '--inspect', '--no-sandbox', '--js-flags=--allow-natives-syntax'])).toEqual([
      'remote-debugging-port',
      'inspect',
      'js-flags',
    ]);
    expect(forbiddenSwitches(['token-desk', '--remote-debugging-pipe'])).toEqual(['remote-debugging-pipe']);
    expect(forbiddenSwitches(['token-desk', 'C:\\data\\--inspect.txt', '--lang=en'])).toEqual([]);
  });
});
