import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveRendererAsset } from '../../electron/protocol/rendererAssets';

export interface RendererServer {
  url: string;
  close(): Promise<void>;
}

/** Cross-origin isolation: the page's performance.now() then ticks in microseconds, not 0.1 ms steps. */
export const CROSS_ORIGIN_ISOLATION = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

/**
 * Serves the built renderer on loopback with the same headers as the app://
 * protocol, plus `extraHeaders` (the benchmark adds CROSS_ORIGIN_ISOLATION).
 * The port should stay fixed between runs: IndexedDB belongs to the origin, port included.
 */
export async function startRendererServer(rendererDir: string, port: number, extraHeaders: Record<string, string> = {}): Promise<RendererServer> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const asset = request.method === 'GET' ? resolveRendererAsset(rendererDir, path) : null;
    if (!asset) {
      response.writeHead(404).end('Not found');
      return;
    }
    readFile(asset.filePath).then(
      (body) => response.writeHead(200, { ...asset.headers, ...extraHeaders }).end(body),
      () => response.writeHead(404).end('Not found'),
    );
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolvePromise());
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}
