/**
 * Auto-update is off until a feed is configured: either TOKEN_DESK_UPDATE_URL at run time (an https
 * URL of a "generic" electron-updater feed), or a `publish` setting at build time, which makes
 * electron-builder write resources/app-update.yml into the package.
 */
export type UpdateFeed =
  | { kind: 'off'; reason: string }
  | { kind: 'url'; url: string }
  | { kind: 'packaged' };

export const UPDATE_URL_ENV = 'TOKEN_DESK_UPDATE_URL';

export interface UpdateFeedFacts {
  env: Record<string, string | undefined>;
  isPackaged: boolean;
  /** Whether resources/app-update.yml exists (written only when the build had a publish setting). */
  hasAppUpdateYml: boolean;
}

export function resolveUpdateFeed(facts: UpdateFeedFacts): UpdateFeed {
  if (!facts.isPackaged) return { kind: 'off', reason: 'not a packaged app' };
  const raw = facts.env[UPDATE_URL_ENV]?.trim();
  if (raw) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return { kind: 'off', reason: `${UPDATE_URL_ENV} is not a URL` };
    }
    if (url.protocol !== 'https:') return { kind: 'off', reason: `${UPDATE_URL_ENV} must be an https URL` };
    if (url.username !== '' || url.password !== '') return { kind: 'off', reason: `${UPDATE_URL_ENV} must not hold credentials` };
    return { kind: 'url', url: url.href };
  }
  if (facts.hasAppUpdateYml) return { kind: 'packaged' };
  return { kind: 'off', reason: 'no update feed configured' };
}
