import { extname, normalize, resolve, sep } from 'node:path';

/** The renderer's CSP, sent as a header by both the app:// protocol and the browser shell's server. */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface RendererAsset {
  filePath: string;
  headers: Record<string, string>;
}

/** Maps a URL path to a file of the built renderer; null for anything outside it. */
export function resolveRendererAsset(rootDir: string, urlPath: string): RendererAsset | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = resolve(rootDir);
  const filePath = resolve(root, normalize(relative));
  if (!filePath.startsWith(root + sep)) return null;
  const contentType = CONTENT_TYPES[extname(filePath).toLowerCase()];
  if (!contentType) return null;
  return {
    filePath,
    headers: { 'content-type': contentType, 'content-security-policy': RENDERER_CSP, 'x-content-type-options': 'nosniff' },
  };
}
