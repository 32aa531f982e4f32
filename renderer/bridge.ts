import type { TokenDeskApi } from '../shared/ipc/tokenDeskApi';

declare global {
  interface Window {
    /** Exposed by the preload (or the browser shell's stand-in); the renderer's only way to main. */
    tokenDesk?: TokenDeskApi;
  }
}

/** The bridge to the main process; throws when the page was loaded without the preload. */
export function getTokenDesk(): TokenDeskApi {
  const api = window.tokenDesk;
  if (!api) {
    throw new Error('Token Desk bridge is missing: window.tokenDesk was not exposed by the preload.');
  }
  return api;
}
