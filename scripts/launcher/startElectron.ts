import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * `npm start`: build, then open the app in Electron. Electron's binary is
 * fetched on first use; where it cannot be, say so in one line and open the
 * app in the browser shell instead (its options can follow `npm start --`).
 */
const NO_BINARY = "Electron's binary is not available here and could not be downloaded: opening Token Desk in the browser shell (Chromium) instead.";

const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));

/** Electron's own override (ELECTRON_OVERRIDE_DIST_PATH) wins, as it does for the electron package. */
const overrideDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || null;

function installedBinary(): string | null {
  const pathFile = join(electronDir, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const binary = join(overrideDir ?? join(electronDir, 'dist'), name);
  return existsSync(binary) ? binary : null;
}

/** Asks the electron package for its binary in a child, so a failed download stays quiet. */
function fetchBinary(): string | null {
  console.log('Fetching Electron (first start only)…');
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: process.cwd(),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const binary = probe.stdout.split('\n').at(-1)?.trim() ?? '';
  return probe.status === 0 && existsSync(binary) ? binary : null;
}

function run(command: string, args: string[]): number {
  return spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;
}

function main(): void {
  const binary = installedBinary() ?? (overrideDir ? null : fetchBinary());
  if (!binary) {
    console.log(NO_BINARY);
    process.exit(run('npm', ['run', '-s', 'app:browser', '--', ...process.argv.slice(2)]));
  }
  if (run('npm', ['run', '-s', 'build']) !== 0) process.exit(1);
  const child = spawn(binary, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
}

main();
