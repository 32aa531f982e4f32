/** Links the app may hand to the OS browser: http(s) only, no credentials, and only to allowed hosts. */

const MAX_URL_LENGTH = 2048;

function hostAllowed(hostname: string, allowedHosts: readonly string[]): boolean {
  const host = hostname.toLowerCase();
  return allowedHosts.some((allowed) => {
    const a = allowed.toLowerCase();
    return a !== '' && (host === a || host.endsWith(`.${a}`));
  });
}

/**
 * The normalised URL to open, or null when it must not be opened: not http(s), credentials in it,
 * no host, control characters or spaces, too long, or a host outside the allow-list.
 */
export function vetExternalUrl(raw: unknown, allowedHosts: readonly string[]): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username !== '' || url.password !== '' || url.hostname === '') return null;
  if (!hostAllowed(url.hostname, allowedHosts)) return null;
  return url.href;
}

/** The host of the configured CRM server, the one place the app links to; none when unset or invalid. */
export function crmLinkHosts(crmUrl: string): string[] {
  try {
    const url = new URL(crmUrl);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' ? [url.hostname] : [];
  } catch {
    return [];
  }
}
