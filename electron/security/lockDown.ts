import type { Logger } from '../logging/logger';
import { describeError } from '../logging/logger';
import { isAppUrl } from '../protocol/appOrigin';
import { vetExternalUrl } from './externalLinks';

/** What Electron passes to navigation listeners (Event<WebContentsWillNavigateEventParams> and kin). */
export interface NavigationAttempt {
  readonly url: string;
  preventDefault(): void;
}

export type NavigationEventName = 'will-navigate' | 'will-frame-navigate' | 'will-redirect';

/** The part of Electron's WebContents the guards need. */
export interface GuardedContents {
  on(event: NavigationEventName, listener: (attempt: NavigationAttempt) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface ExternalLinks {
  /** Hosts a link may go to (the CRM server's). */
  allowedHosts(): Promise<readonly string[]>;
  /** Electron's shell.openExternal. */
  open(url: string): Promise<void>;
}

export interface LockDownDeps {
  log: Logger;
  links: ExternalLinks;
}

/** Hands a link to the OS browser if it passes the vetting; otherwise only logs that it was refused. */
export async function openIfVetted(url: string, deps: LockDownDeps): Promise<boolean> {
  try {
    const vetted = vetExternalUrl(url, await deps.links.allowedHosts());
    if (vetted === null) {
      deps.log.warn('Refused to open a link outside the app', { url: url.slice(0, 200) });
      return false;
    }
    await deps.links.open(vetted);
    deps.log.info('Opened a link in the system browser', { url: vetted });
    return true;
  } catch (error) {
    deps.log.error('Could not open a link', { error: describeError(error) });
    return false;
  }
}

/**
 * Navigation away from the app is always prevented: a link the operator clicks is handed to the
 * system browser when vetted, never opened inside the window.
 */
export function navigationGuard(event: NavigationEventName, deps: LockDownDeps): (attempt: NavigationAttempt) => void {
  return (attempt) => {
    attempt.preventDefault();
    if (event === 'will-navigate' && !isAppUrl(attempt.url)) void openIfVetted(attempt.url, deps);
    else deps.log.warn(`Blocked ${event}`, { url: String(attempt.url).slice(0, 200) });
  };
}

/** No new windows, ever; a vetted http(s) link goes to the system browser instead. */
export function windowOpenHandler(deps: LockDownDeps): (details: { url: string }) => { action: 'deny' } {
  return ({ url }) => {
    void openIfVetted(url, deps);
    return { action: 'deny' };
  };
}

/** Applies every web-contents guard; main.ts calls this from app's 'web-contents-created'. */
export function lockDownContents(contents: GuardedContents, deps: LockDownDeps): void {
  for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect'] as const) {
    contents.on(event, navigationGuard(event, deps));
  }
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    deps.log.warn('Blocked a <webview>');
  });
  contents.setWindowOpenHandler(windowOpenHandler(deps));
}

/** The part of Electron's Session the guards need. */
export interface GuardedSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl?: string; isMainFrame?: boolean }) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string, requestingOrigin: string) => boolean): void;
  webRequest: {
    onBeforeRequest(filter: { urls: string[] }, listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
  };
}

/** Schemes that reach the network or the disk; the renderer needs neither (main talks to the CRM). */
const REMOTE_OR_FILE = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);

export function isBlockedRendererRequest(url: string): boolean {
  try {
    return REMOTE_OR_FILE.has(new URL(url).protocol);
  } catch {
    return true;
  }
}

/** The one permission granted: persistent storage, so Chromium never evicts the queue under disk pressure. */
export const PERSISTENT_STORAGE = 'persistent-storage';

/**
 * Every permission request and check is denied, except persistent storage for the app's own main
 * frame; no request from the renderer leaves the app:// origin.
 */
export function lockDownSession(session: GuardedSession, log: Logger): void {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    const from = String(details?.requestingUrl ?? '').slice(0, 200);
    if (permission === PERSISTENT_STORAGE && details?.isMainFrame !== false && isAppUrl(details?.requestingUrl)) {
      log.info('Granted persistent storage', { from });
      callback(true);
      return;
    }
    log.warn('Denied a permission request', { permission, from });
    callback(false);
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) => permission === PERSISTENT_STORAGE && isAppUrl(`${requestingOrigin}/`));
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    const cancel = isBlockedRendererRequest(details.url);
    if (cancel) log.warn('Blocked a request from the renderer', { url: details.url.slice(0, 200) });
    callback({ cancel });
  });
}
