/** Where a CRM URL points, as far as credentials are concerned: its origin (scheme, host, port). */

/** The WHATWG URL parser, which Node and every browser have; shared/ is compiled without their libraries. */
declare const URL: new (url: string) => { protocol: string; origin: string; hostname: string };

/** The URL's origin, or '' for no URL or one that cannot be parsed. */
export function crmOrigin(url: string): string {
  if (url.trim() === '') return '';
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : '';
  } catch {
    return '';
  }
}

const LOOPBACK_V4 = /^127(?:\.\d{1,3}){3}$/;

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || LOOPBACK_V4.test(host);
}

/** Plain http:// to anything but this computer: passwords and pass codes would cross the network readable. */
export function isUnencryptedCrm(url: string): boolean {
  const origin = crmOrigin(url);
  if (origin === '' || !origin.startsWith('http:')) return false;
  return !isLoopbackHost(new URL(origin).hostname);
}
