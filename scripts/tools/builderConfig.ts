import { createRequire } from 'node:module';

/**
 * electron-builder's own configuration loader and schema check (app-builder-lib, pinned through
 * electron-builder 26.17.0). Offline and under 2 s: a bad key fails with "Invalid configuration object".
 */
const require = createRequire(import.meta.url);

interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, debugLogger: unknown): Promise<void>;
}
interface BuilderUtil {
  DebugLogger: new (isEnabled: boolean) => unknown;
}

/** The parts of the configuration the checks read. */
export interface BuilderConfig {
  appId?: string;
  productName?: string;
  files?: unknown;
  asar?: unknown;
  publish?: unknown;
  electronFuses?: Record<string, boolean | undefined> | null;
  directories?: { output?: string; buildResources?: string };
  win?: { target?: unknown; icon?: string; signtoolOptions?: { publisherName?: string | string[] } };
  nsis?: { oneClick?: boolean; perMachine?: boolean; createDesktopShortcut?: boolean | 'always'; createStartMenuShortcut?: boolean; deleteAppDataOnUninstall?: boolean };
  mac?: { target?: unknown; icon?: string; hardenedRuntime?: boolean; entitlements?: string; entitlementsInherit?: string };
  linux?: { target?: unknown; icon?: string };
  [key: string]: unknown;
}

function appBuilderLib(): { config: ConfigModule; util: BuilderUtil } {
  const builderDir = require.resolve('electron-builder/package.json');
  const fromBuilder = createRequire(builderDir);
  return {
    config: fromBuilder('app-builder-lib/out/util/config/config') as ConfigModule,
    util: fromBuilder('builder-util') as BuilderUtil,
  };
}

/** electron-builder.yml as electron-builder reads it, after its schema check (throws when invalid). */
export async function loadBuilderConfig(projectDir: string): Promise<BuilderConfig> {
  const { config, util } = appBuilderLib();
  const loaded = await config.getConfig(projectDir, null, null);
  await config.validateConfiguration(loaded, new util.DebugLogger(false));
  return loaded;
}

/** electron-builder's schema check of any configuration object (throws when invalid). */
export async function validateBuilderConfig(loaded: BuilderConfig): Promise<void> {
  const { config, util } = appBuilderLib();
  await config.validateConfiguration(loaded, new util.DebugLogger(false));
}

/** The fuses the packaged app must have, by @electron/fuses' option index and electron-builder's key. */
export const REQUIRED_FUSES = [
  { key: 'runAsNode', index: 0, value: false },
  { key: 'enableCookieEncryption', index: 1, value: true },
  { key: 'enableNodeOptionsEnvironmentVariable', index: 2, value: false },
  { key: 'enableNodeCliInspectArguments', index: 3, value: false },
  { key: 'enableEmbeddedAsarIntegrityValidation', index: 4, value: true },
  { key: 'onlyLoadAppFromAsar', index: 5, value: true },
  { key: 'grantFileProtocolExtraPrivileges', index: 7, value: false },
] as const;

const SECRET_SETTING = /(password|cscKeyPassword|cscLink|appleId|certificatePassword|apiKey|token)/i;

/** The delivery and hardening policy this project holds electron-builder.yml to; an empty list when met. */
export function builderPolicyProblems(config: BuilderConfig): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, message: string) => {
    if (!ok) problems.push(message);
  };
  need(config.appId === 'com.tokendesk.app', 'appId must be com.tokendesk.app');
  need(config.productName === 'Token Desk', 'productName must be Token Desk');
  need(config.asar === true, 'asar must be on (the fuses only load the app from app.asar)');
  for (const fuse of REQUIRED_FUSES) {
    need(config.electronFuses?.[fuse.key] === fuse.value, `electronFuses.${fuse.key} must be ${fuse.value}`);
  }
  need(JSON.stringify(config.win?.target) === '"nsis"', 'Windows target must be nsis');
  need(Boolean(config.win?.signtoolOptions?.publisherName), 'win.signtoolOptions.publisherName must be set (auto-update verifies it)');
  need(config.nsis?.perMachine === false, 'NSIS must install per user');
  need(config.nsis?.createDesktopShortcut === true && config.nsis?.createStartMenuShortcut === true, 'NSIS must create desktop and start-menu shortcuts');
  need(config.nsis?.deleteAppDataOnUninstall !== true, 'an uninstall must keep the user data (queued changes)');
  need(JSON.stringify(config.mac?.target) === '["dmg","zip"]', 'macOS targets must be dmg and zip');
  need(config.mac?.hardenedRuntime === true, 'macOS hardened runtime must be on');
  need(config.mac?.entitlements === 'build/entitlements.mac.plist', 'macOS entitlements must be build/entitlements.mac.plist');
  need(JSON.stringify(config.linux?.target) === '"AppImage"', 'Linux target must be AppImage');
  need(config.publish === null, 'publish must be null in the file (the release workflow adds a feed only when configured)');
  const secretKeys: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (value === null || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if (SECRET_SETTING.test(key)) secretKeys.push(`${path}${key}`);
      walk(inner, `${path}${key}.`);
    }
  };
  walk(config, '');
  need(secretKeys.length === 0, `signing secrets must come from the environment, not the file: ${secretKeys.join(', ')}`);
  return problems;
}
