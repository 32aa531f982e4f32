import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { autoUpdater } from 'electron-updater';
import { describeError, type Logger } from '../logging/logger';
import { resolveUpdateFeed } from './updateFeed';

/**
 * electron-updater, only when a feed is configured (see update/updateFeed.ts); otherwise it stays off.
 * `notification`: the words of the OS notification once an update is downloaded.
 */
export function startAutoUpdate(log: Logger, isPackaged: boolean, notification: { readonly title: string; readonly body: string }): void {
  const feed = resolveUpdateFeed({
    env: process.env,
    isPackaged,
    hasAppUpdateYml: isPackaged && existsSync(join(process.resourcesPath, 'app-update.yml')),
  });
  if (feed.kind === 'off') {
    log.info('Auto-update is off', { reason: feed.reason });
    return;
  }
  autoUpdater.logger = {
    info: (message?: unknown) => log.info(`updater: ${String(message)}`),
    warn: (message?: unknown) => log.warn(`updater: ${String(message)}`),
    error: (message?: unknown) => log.error(`updater: ${String(message)}`),
    debug: () => undefined,
  };
  if (feed.kind === 'url') autoUpdater.setFeedURL({ provider: 'generic', url: feed.url });
  log.info('Auto-update is on', feed.kind === 'url' ? { feed: feed.url } : { feed: 'app-update.yml' });
  autoUpdater.checkForUpdatesAndNotify(notification).catch((error: unknown) => log.error('Update check failed', { error: describeError(error) }));
}
