/**
 * The renderer's one origin. A fixed, secure custom scheme keeps IndexedDB in one place across
 * versions (electron#37702), and everything the renderer may be is judged against it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'token-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Privileges of the app:// scheme: standard (so it has an origin and IndexedDB) and secure (a secure
 * context for crypto.subtle). Nothing that loosens the web's rules: no CSP bypass, no CORS, no service
 * workers, no streaming of remote media.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for app://token-desk/... Node's URL gives custom schemes an opaque origin ("null"), so
 * the scheme and host are compared, and a URL with credentials or a port is never ours.
 */
export function isAppUrl(url: string | null | undefined): boolean {
  if (typeof url !== 'string') return false;
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
