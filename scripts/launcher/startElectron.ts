import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * `npm start`: build, then open the app in Electron. Electron's binary is
 * fetched on first use; where it cannot be, say so in one line and point to
 * the browser shell instead of printing the installer's stack trace.
 */
const NO_BINARY =
  "Electron's binary is not available and could not be downloaded here. Use the browser shell instead: npm run app:browser -- --crm-url http://127.0.0.1:8787";

const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));

function installedBinary(): string | null {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return null;
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
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
  const binary = installedBinary() ?? fetchBinary();
  if (!binary) {
    console.error(NO_BINARY);
    process.exit(1);
  }
  if (run('npm', ['run', '-s', 'build']) !== 0) process.exit(1);
  const child = spawn(binary, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
}

main();
