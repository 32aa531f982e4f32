import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** @electron/fuses finds the fuse wire right after this marker in the Electron binary. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * Electron 45's fuse wire as shipped (version 1, 9 fuses): RunAsNode on, cookie encryption off,
 * NODE_OPTIONS on, --inspect on, asar integrity off, only-asar off, browser V8 snapshot off,
 * file:// extra privileges on, WASM trap handlers on.
 */
export const ELECTRON_45_DEFAULT_WIRE = '101100011';

/**
 * A folder electron-builder accepts as `electronDist` without downloading anything: an `electron`
 * "binary" (a shell script that refuses to run) carrying a real fuse wire, so electron-builder's
 * own fuse step runs and its result can be read back. Not an app anyone can start.
 */
export async function createStubElectronDist(dir: string, wire = ELECTRON_45_DEFAULT_WIRE): Promise<string> {
  await mkdir(join(dir, 'resources'), { recursive: true });
  await mkdir(join(dir, 'locales'), { recursive: true });
  const script = Buffer.from('#!/bin/sh\necho "This is a stub Electron made by npm run pack:check; it cannot run." >&2\nexit 1\n# ');
  const fuses = Buffer.concat([Buffer.from(FUSE_SENTINEL, 'ascii'), Buffer.from([1, wire.length]), Buffer.from(wire, 'ascii'), Buffer.from('\n')]);
  const binary = join(dir, 'electron');
  await writeFile(binary, Buffer.concat([script, fuses]));
  await chmod(binary, 0o755);
  await writeFile(join(dir, 'locales', 'en-US.pak'), '');
  await writeFile(join(dir, 'LICENSE'), 'Stub Electron distribution for offline packaging checks.\n');
  await writeFile(join(dir, 'version'), '45.4.1');
  return dir;
}
