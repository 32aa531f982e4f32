import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { resolveRendererAsset } from '../protocol/rendererAssets';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://token-desk';

/** Must run before `app.whenReady()`: a fixed, secure origin keeps IndexedDB in one place across versions. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const asset = url.host === 'token-desk' ? resolveRendererAsset(rendererDir, url.pathname) : null;
    if (!asset) return new Response('Not found', { status: 404 });
    try {
      return new Response(await readFile(asset.filePath), { headers: asset.headers });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
