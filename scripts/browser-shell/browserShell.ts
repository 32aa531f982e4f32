import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createMainServices, type MainServices } from '../../electron/app/mainServices';
import { startTrainingSimulator } from '../../electron/training/demoSimulator';
import { FileKeyVault } from '../../electron/vault/fileKeyVault';
import { startRendererServer, type RendererServer } from './rendererServer';
import { createIpcGate } from '../../electron/security/ipcGate';
import { SHELL_BINDING, SHELL_EVENT_RECEIVER } from './shellBinding';
import { isShellAppSender } from './shellSender';
import { chromiumBrowserPid, killProcessGroup, startChromiumInGroup } from './chromiumProcess';

export const DEFAULT_SHELL_PORT = 5178;

export interface BrowserShellOptions {
  /** Where the Chromium profile (IndexedDB) and main's files (settings, vault key) live. */
  userDataDir: string;
  chromiumPath: string;
  /** The project root holding dist/renderer and dist/shell. */
  appRoot: string;
  crmUrl?: string;
  headless?: boolean;
  remoteDebuggingPort?: number;
  /** Fixed by default so the IndexedDB origin stays the same between runs; 0 picks a free one. */
  port?: number;
  /** Main as an earlier window on this profile left it running (its journal, settings, CRM sessions): a new window after a kill. */
  main?: ShellMain;
  /**
   * Chromium stays in this process's group, reached over a loopback debugging port, so killing the
   * group kills the whole app at once. By default Playwright starts it leading a group of its own.
   */
  sameProcessGroup?: boolean;
}

/** Main's half of the shell, which outlives its windows: a killed Chromium does not take it down. */
export interface ShellMain {
  services: MainServices;
  /** The window main clears storage for (Storage.clearDataForOrigin), set by each launch. */
  window: { context: BrowserContext; origin: string } | null;
}

export interface BrowserShell {
  page: Page;
  context: BrowserContext;
  url: string;
  /** Chromium's DevTools port, when it has one. */
  debuggingPort: number | null;
  services: MainServices;
  main: ShellMain;
  /** Closes the window, and main too unless it came from an earlier shell (options.main). */
  close(): Promise<void>;
  /** SIGKILLs Chromium's whole process group, as a crash or power cut would; main stays up. Not with sameProcessGroup. */
  kill(): Promise<void>;
}

/** Chromium on a closed network: no background traffic, no sandbox (runs as root in CI). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function builtFiles(appRoot: string): { rendererDir: string; preloadScript: string } {
  const rendererDir = resolve(appRoot, 'dist/renderer');
  const preloadScript = resolve(appRoot, 'dist/shell/shell-preload.js');
  for (const file of [join(rendererDir, 'index.html'), preloadScript]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first.`);
  }
  return { rendererDir, preloadScript };
}

type Receiver = (event: unknown, payload: unknown) => void;

/** Each page is one window with its own sign-in, as each Electron webContents is; it keeps it across reloads. */
const pageWindows = new WeakMap<Page, string>();
function windowOf(page: Page): string {
  const known = pageWindows.get(page);
  if (known) return known;
  const window = `page-${randomUUID()}`;
  pageWindows.set(page, window);
  return window;
}

function openPages(context: BrowserContext | null): Page[] {
  return context?.pages().filter((page) => !page.isClosed()) ?? [];
}

/**
 * Main's events reach each page the way Electron's webContents.send does: in order, unchecked here
 * (the preload factory checks them). A page that is navigating misses the event, as a reloading
 * Electron window would; it asks main again on start.
 */
function sendEvent(pages: Page[], event: string, payload: unknown): void {
  for (const page of pages) {
    page
      .evaluate(([receiver, name, body]) => (globalThis as unknown as Record<string, Receiver | undefined>)[receiver]?.(name, body), [SHELL_EVENT_RECEIVER, event, payload] as const)
      .catch(() => undefined);
  }
}

/** Main's services on the profile's main folder; storage is cleared for whichever window is open. */
export async function startShellMain(userDataDir: string): Promise<ShellMain> {
  const mainDir = join(userDataDir, 'main');
  await mkdir(mainDir, { recursive: true });
  const current: Pick<ShellMain, 'window'> = { window: null };
  // What Electron's session.clearStorageData does: it works even when the origin's backing store cannot be opened.
  const clearRendererStorage = async () => {
    const window = current.window;
    const page = openPages(window?.context ?? null)[0];
    if (!window || !page) throw new Error('No window is open.');
    await (await window.context.newCDPSession(page)).send('Storage.clearDataForOrigin', { origin: window.origin, storageTypes: 'indexeddb' });
  };
  const services = createMainServices({ dataDir: mainDir, vault: new FileKeyVault(join(mainDir, 'vault.key')), training: { start: startTrainingSimulator }, clearRendererStorage });
  return Object.assign(current, { services });
}

interface Chromium {
  context: BrowserContext;
  debuggingPort: number | null;
  close(): Promise<void>;
  kill(): Promise<void>;
}

/** Playwright's launch: Chromium leads its own process group, which `kill` ends. */
async function launchChromium(options: BrowserShellOptions, profileDir: string, args: string[]): Promise<Chromium> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: options.chromiumPath,
    headless: options.headless ?? false,
    args,
    viewport: { width: 1200, height: 820 },
  });
  // Found now, so a kill at a chosen instant does not wait for a search of /proc.
  const browserPid = await chromiumBrowserPid(profileDir);
  return {
    context,
    debuggingPort: options.remoteDebuggingPort ?? null,
    close: () => context.close(),
    kill: async () => {
      if (browserPid === null) throw new Error(`No Chromium process was found for ${profileDir}.`);
      await killProcessGroup(browserPid);
    },
  };
}

/** Chromium as this process's child, in its group, joined over its debugging port. */
async function startChromium(options: BrowserShellOptions, profileDir: string, args: string[]): Promise<Chromium> {
  const switches = [...args, `--user-data-dir=${profileDir}`, '--window-size=1200,820', '--no-default-browser-check', '--password-store=basic'];
  if (options.headless) switches.push('--headless');
  if (options.remoteDebuggingPort === undefined) switches.push('--remote-debugging-port=0');
  const started = await startChromiumInGroup(options.chromiumPath, [...switches, 'about:blank']);
  try {
    const browser = await chromium.connectOverCDP(started.endpoint);
    const context = browser.contexts()[0];
    if (!context) throw new Error('Chromium opened without a window.');
    return {
      context,
      debuggingPort: Number(new URL(started.endpoint).port),
      close: started.stop,
      kill: () => Promise.reject(new Error('Chromium shares this process group: kill the whole app instead.')),
    };
  } catch (error) {
    await started.stop();
    throw error;
  }
}

/**
 * The real app with Chromium as its window: the built renderer, the same
 * preload factory, and the same main-process services, joined by a Playwright
 * binding instead of Electron's IPC.
 */
export async function launchBrowserShell(options: BrowserShellOptions): Promise<BrowserShell> {
  const { rendererDir, preloadScript } = builtFiles(options.appRoot);
  let server: RendererServer | null = null;
  let browser: Chromium | null = null;
  let stopEvents = () => undefined as void;
  let services: MainServices | null = null;
  try {
    server = await startRendererServer(rendererDir, options.port ?? DEFAULT_SHELL_PORT);
    const args = [...CHROMIUM_ARGS];
    if (options.remoteDebuggingPort !== undefined) args.push(`--remote-debugging-port=${options.remoteDebuggingPort}`);
    const profileDir = join(options.userDataDir, 'chromium');
    const open = await (options.sameProcessGroup ? startChromium : launchChromium)(options, profileDir, args);
    browser = open;
    const { context } = open;
    const origin = new URL(server.url).origin;
    // Only now, with the profile ours (a second shell on a busy profile has failed above), is anything written.
    const shellMain = options.main ?? (await startShellMain(options.userDataDir));
    shellMain.window = { context, origin };
    const main = shellMain.services;
    if (!options.main) services = main;
    if (options.crmUrl !== undefined) await main.settings.setCrmUrl(options.crmUrl);
    const gate = createIpcGate(main.router, main.log, isShellAppSender(origin));
    await context.exposeBinding(SHELL_BINDING, (source, channel: unknown, payload: unknown) =>
      gate({ frameUrl: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame(), window: windowOf(source.page) }, channel, payload),
    );
    await context.addInitScript({ path: preloadScript });
    stopEvents = main.events.subscribe((event, payload) => sendEvent(openPages(context), event, payload));
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.url}/index.html`);
    const openServer = server;
    return {
      page,
      context,
      url: server.url,
      debuggingPort: open.debuggingPort,
      services: main,
      main: shellMain,
      close: async () => {
        stopEvents();
        await open.close();
        await openServer.close();
        if (!options.main) await main.dispose();
      },
      kill: async () => {
        stopEvents();
        await open.kill();
        await openServer.close();
      },
    };
  } catch (error) {
    stopEvents();
    await browser?.close();
    await server?.close();
    await services?.dispose();
    throw error;
  }
}
