import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ROOT } from '../e2e/shellHarness';
import { rendererChunks } from './bundleFigures';

/** The renderer as built for the e2e tests: what loads at start, and what only when it is needed. */
describe("the renderer's chunks", () => {
  it('counts every chunk once: the start as index.html names it, and Greek’s catalog as loaded later', async () => {
    const chunks = await rendererChunks(join(APP_ROOT, 'dist/renderer'));
    expect(chunks.startGzipBytes).toBeGreaterThan(0);
    expect(chunks.laterGzipBytes.el).toBeGreaterThan(0);
    const later = Object.values(chunks.laterGzipBytes).reduce((sum, bytes) => sum + bytes, 0);
    expect(chunks.startGzipBytes + later).toBe(chunks.everyChunkGzipBytes);
  });
});
