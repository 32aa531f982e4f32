import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumCandidate, DEFAULT_CHROMIUM, findChromium } from '../../../scripts/browser-shell/findChromium';

const root = resolve(import.meta.dirname, '../../..');

describe('finding Chromium', () => {
  it('prefers CHROMIUM_PATH, else Debian’s chromium', () => {
    expect(chromiumCandidate({ CHROMIUM_PATH: '/opt/chrome/chrome' })).toBe('/opt/chrome/chrome');
    expect(chromiumCandidate({})).toBe(DEFAULT_CHROMIUM);
    expect(chromiumCandidate({ CHROMIUM_PATH: '  ' })).toBe(DEFAULT_CHROMIUM);
  });

  it('returns an executable that exists, or null', () => {
    expect(findChromium({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
    expect(findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).toBeNull();
  });

  it('makes the browser shell exit with one clear line when there is none', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/browser-shell/cli.ts', '--headless'], {
      cwd: root,
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      'Chromium was not found at /nonexistent/chromium. Install it (apt-get install chromium) or set CHROMIUM_PATH.',
    );
  });

  it('refuses unknown flags and a bad CRM URL with usage help', () => {
    const run = (args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/browser-shell/cli.ts', ...args], { cwd: root, encoding: 'utf8' });
    const unknown = run(['--colour']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/Usage: npm run app:browser/);
    const badUrl = run(['--crm-url', 'crm.example.com']);
    expect(badUrl.status).toBe(2);
    expect(badUrl.stderr.trim()).toBe('--crm-url: CRM URL must start with http:// or https://');
  });
});
