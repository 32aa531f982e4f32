import type { TokenDeskApi } from '../shared/ipc/tokenDeskApi';
import { t } from './i18n';

declare global {
  interface Window {
    /** Exposed by the preload (or the browser shell's stand-in); the renderer's only way to main. */
    tokenDesk?: TokenDeskApi;
  }
}

/** The bridge to the main process; throws (in the clerk's language) when the page was loaded without the preload. */
export function getTokenDesk(): TokenDeskApi {
  const api = window.tokenDesk;
  if (!api) throw new Error(t('shell.bridgeMissing'));
  return api;
}
