import { resolve } from 'node:path';
import { build } from 'vite';

/** The browser shell serves the built renderer and preload, exactly as `npm run app:browser` does. */
export default async function buildOnce(): Promise<void> {
  const configFile = resolve(import.meta.dirname, '../../vite.config.ts');
  for (const mode of ['renderer', 'shell-preload']) {
    await build({ configFile, mode, logLevel: 'warn' });
  }
}
