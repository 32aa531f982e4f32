import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { arch, platform, release, version as osVersion } from 'node:os';
import { join } from 'node:path';
import type { RendererSyncState, SettingsView, SyncProgress } from '../../shared/ipc/contract';
import { describeError } from '../logging/logger';
import { redactText, redactValue, type SecretMask } from '../logging/redact';

export const DIAGNOSTICS_DIR = 'diagnostics';
const PREFIX = 'token-desk-diagnostics-';
const KEEP_BUNDLES = 10;
const LOG_LINES = 500;

export interface AppInfo {
  name: string;
  version: string;
}

/** Where a bundle's parts come from; each is read when the bundle is made. */
export interface DiagnosticsSources {
  dataDir: string;
  app: AppInfo;
  settings(): Promise<SettingsView>;
  progress(): Promise<SyncProgress>;
  vault(): { protection: string; warning: string | null };
  recentLogLines(count: number): Promise<string[]>;
  logFile: string;
  mask?: SecretMask;
  now?: () => Date;
}

/** A URL without user, password, query or fragment: enough for support to see which server. */
export function safeUrl(raw: string): string {
  if (raw === '') return '';
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return '[not a URL]';
  }
}

async function settled<T>(read: () => Promise<T>): Promise<T | { unavailable: string }> {
  try {
    return await read();
  } catch (error) {
    return { unavailable: describeError(error) };
  }
}

/** The bundle's content: versions, OS, settings without secrets, sync state, recent log lines. */
export async function buildDiagnostics(sources: DiagnosticsSources, renderer: RendererSyncState): Promise<Record<string, unknown>> {
  const now = (sources.now ?? (() => new Date()))();
  const settings = await settled(sources.settings);
  const settingsView = 'crmUrl' in settings ? { ...settings, crmUrl: safeUrl(settings.crmUrl) } : settings;
  const versions = process.versions as NodeJS.ProcessVersions & { electron?: string; chrome?: string };
  const bundle = {
    kind: 'token-desk-diagnostics',
    formatVersion: 1,
    createdAt: now.toISOString(),
    app: sources.app,
    runtime: {
      electron: versions.electron ?? null,
      chromium: versions.chrome ?? null,
      node: versions.node,
      v8: versions.v8,
    },
    os: { platform: platform(), release: release(), version: osVersion(), arch: arch() },
    vault: sources.vault(),
    settings: settingsView,
    syncProgress: await settled(sources.progress),
    renderer,
    log: { file: sources.logFile, lines: await settled(() => sources.recentLogLines(LOG_LINES)) },
  };
  return redactValue(bundle, sources.mask) as Record<string, unknown>;
}

/** Writes a bundle into <dataDir>/diagnostics (owner-only), keeps the newest few, and returns its path. */
export async function writeDiagnosticsBundle(sources: DiagnosticsSources, renderer: RendererSyncState): Promise<string> {
  const bundle = await buildDiagnostics(sources, renderer);
  const dir = join(sources.dataDir, DIAGNOSTICS_DIR);
  await mkdir(dir, { recursive: true });
  const stamp = String(bundle.createdAt).replace(/[:.]/g, '-');
  let path = join(dir, `${PREFIX}${stamp}.json`);
  for (let n = 2; await exists(dir, path); n += 1) path = join(dir, `${PREFIX}${stamp}-${n}.json`);
  await writeFile(path, redactText(JSON.stringify(bundle, null, 2), sources.mask), { mode: 0o600, flag: 'wx' });
  await prune(dir);
  return path;
}

async function exists(dir: string, path: string): Promise<boolean> {
  return (await readdir(dir)).some((name) => join(dir, name) === path);
}

async function prune(dir: string): Promise<void> {
  const bundles = (await readdir(dir)).filter((name) => name.startsWith(PREFIX) && name.endsWith('.json')).sort();
  for (const name of bundles.slice(0, Math.max(0, bundles.length - KEEP_BUNDLES))) {
    await rm(join(dir, name), { force: true });
  }
}
