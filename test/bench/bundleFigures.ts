import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface RendererChunks {
  /** Every .js and .css the renderer ships, gzip bytes: what a counter loads once it has used every language. */
  everyChunkGzipBytes: number;
  /** What index.html loads before the app's first render (its script, stylesheet and module preloads), gzip bytes: an English counter's start. */
  startGzipBytes: number;
  /** Each chunk loaded later, by its name without the hash, gzip bytes: `el`, Greek's catalog, which a Greek counter loads before its first render. */
  laterGzipBytes: Record<string, number>;
}

export interface BundleFigures extends RendererChunks {
  mainBytes: number;
  preloadBytes: number;
}

const ASSET = /^(.+)-[\w-]{8}\.(js|css)$/;

/** The built renderer (`dist/renderer`) by when it loads: at start (what index.html names) or later (a dynamic import). */
export async function rendererChunks(rendererDir: string): Promise<RendererChunks> {
  const page = await readFile(join(rendererDir, 'index.html'), 'utf8');
  const atStart = new Set([...page.matchAll(/(?:src|href)="\.\/assets\/([^"]+)"/g)].map((match) => match[1]));
  const chunks: RendererChunks = { everyChunkGzipBytes: 0, startGzipBytes: 0, laterGzipBytes: {} };
  for (const file of await readdir(join(rendererDir, 'assets'))) {
    if (!file.endsWith('.js') && !file.endsWith('.css')) continue;
    const bytes = gzipSync(await readFile(join(rendererDir, 'assets', file))).length;
    chunks.everyChunkGzipBytes += bytes;
    if (atStart.has(file)) chunks.startGzipBytes += bytes;
    else {
      const name = ASSET.exec(file)?.[1] ?? file;
      chunks.laterGzipBytes[name] = (chunks.laterGzipBytes[name] ?? 0) + bytes;
    }
  }
  return chunks;
}

/** The renderer's chunks, and main's and the preload's bundles (not compressed: they ship as files in the app). */
export async function bundleFigures(appRoot: string): Promise<BundleFigures> {
  const size = async (file: string) => (await readFile(join(appRoot, 'dist-electron', file))).length;
  return { ...(await rendererChunks(join(appRoot, 'dist/renderer'))), mainBytes: await size('main.cjs'), preloadBytes: await size('preload.cjs') };
}
