import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { waitForOutput } from './appProcess';
import { APP_ROOT } from './shellHarness';

const RUNNING = /Token Desk \(browser shell\) is running at (http:\/\/127\.0\.0\.1:\d+)/;

describe('npm start without Electron’s binary', () => {
  let child: ChildProcess | null = null;

  afterEach(async () => {
    const running = child;
    if (!running?.pid || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    process.kill(-running.pid, 'SIGTERM');
    await exited;
  });

  it('says so in one line and opens the browser shell', async () => {
    const noElectron = await mkdtemp(join(tmpdir(), 'no-electron-'));
    const userDataDir = await mkdtemp(join(tmpdir(), 'npm-start-'));
    child = spawn(process.execPath, ['--import', 'tsx', 'scripts/launcher/startElectron.ts', '--headless', '--port', '0', '--user-data-dir', userDataDir], {
      cwd: APP_ROOT,
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: noElectron },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const output = { text: '' };
    const [, url] = await waitForOutput(child, RUNNING, output, 'npm start');
    expect(output.text.split('\n').filter((line) => line.includes("Electron's binary is not available"))).toHaveLength(1);
    const page = await fetch(`${url}/index.html`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
  }, 300_000);
});
