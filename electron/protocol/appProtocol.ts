import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME, APP_SCHEME_PRIVILEGES } from './appOrigin';
import { resolveRendererAsset } from './rendererAssets';

/** Must run before `app.whenReady()`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

/** Serves only the built renderer's files, with the CSP header; anything else is a 404. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const asset = url.host === APP_HOST ? resolveRendererAsset(rendererDir, url.pathname) : null;
    if (!asset) return new Response('Not found', { status: 404 });
    try {
      return new Response(await readFile(asset.filePath), { headers: asset.headers });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
