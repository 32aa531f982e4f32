import { createHash } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FuseState, FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAsar, ASAR_BUDGET_BYTES } from '../../scripts/tools/asarRules';
import { builderPolicyProblems, loadBuilderConfig, REQUIRED_FUSES, validateBuilderConfig, type BuilderConfig } from '../../scripts/tools/builderConfig';
import { pngSize, readIcns, readIco } from '../../scripts/tools/iconFormats';
import { createStubElectronDist } from '../../scripts/tools/stubElectron';

/** electron-builder.yml, the fuses, the icons and the asar rules, checked offline. */
const ROOT = resolve(import.meta.dirname, '../..');

describe('electron-builder configuration', () => {
  let config: BuilderConfig;

  beforeAll(async () => {
    config = await loadBuilderConfig(ROOT);
  }, 30_000);

  it("passes electron-builder's own schema check and this project's policy", () => {
    expect(builderPolicyProblems(config)).toEqual([]);
  });

  it('sets every fuse: RunAsNode, NODE_OPTIONS and --inspect off; cookie encryption, asar integrity and asar-only on', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('refuses an unknown key, and the policy catches a weakened fuse or a secret in the file', async () => {
    await expect(validateBuilderConfig({ ...config, signingPassword: 'x' })).rejects.toThrow(/Invalid configuration object/);
    expect(builderPolicyProblems({ ...config, electronFuses: { ...config.electronFuses, runAsNode: true } })).toEqual(['electronFuses.runAsNode must be false']);
    expect(builderPolicyProblems({ ...config, win: { ...config.win, cscKeyPassword: 'hunter2' } as BuilderConfig['win'] })).toEqual([
      'signing secrets must come from the environment, not the file: win.cscKeyPassword',
    ]);
    expect(builderPolicyProblems({ ...config, nsis: { ...config.nsis, perMachine: true } })).toEqual(['NSIS must install per user']);
  });

  it('ships only the built bundles and package.json', () => {
    expect(config.files).toEqual([{ filter: ['dist/renderer/**', 'dist-electron/**', 'package.json', '!**/*.map'] }]);
  });

  it('points at files that exist: icons, entitlements', async () => {
    for (const file of [config.win?.icon, config.mac?.icon, config.linux?.icon, config.mac?.entitlements, config.mac?.entitlementsInherit]) {
      expect(file).toBeDefined();
      await expect(readFile(join(ROOT, file ?? ''))).resolves.toBeInstanceOf(Buffer);
    }
    const plist = await readFile(join(ROOT, 'build/entitlements.mac.plist'), 'utf8');
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual(['com.apple.security.cs.allow-jit']);
  });
});

describe('fuses in a packaged binary', () => {
  it('are flipped by @electron/fuses in the stub Electron that pack:check packs', async () => {
    const dist = await createStubElectronDist(await mkdtemp(join(tmpdir(), 'stub-electron-')));
    const binary = join(dist, 'electron');
    const before = await getCurrentFuseWire(binary);
    expect(before[FuseV1Options.RunAsNode]).toBe(FuseState.ENABLE);
    expect(before[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.DISABLE);
    const wanted = Object.fromEntries(REQUIRED_FUSES.map((f) => [f.index, f.value]));
    await flipFuses(binary, { version: FuseVersion.V1, ...wanted });
    const after = await getCurrentFuseWire(binary);
    for (const fuse of REQUIRED_FUSES) {
      expect(after[fuse.index as FuseV1Options], fuse.key).toBe(fuse.value ? FuseState.ENABLE : FuseState.DISABLE);
    }
    expect(after[FuseV1Options.WasmTrapHandlers]).toBe(FuseState.ENABLE);
  });
});

describe('icons', () => {
  it('are generated from build/icon.svg, the one source, and are current', async () => {
    const svg = await readFile(join(ROOT, 'build/icon.svg'));
    const manifest = JSON.parse(await readFile(join(ROOT, 'build/icons.json'), 'utf8')) as { sha256: string };
    expect(manifest.sha256, 'build/icon.svg changed: run npm run icons').toBe(createHash('sha256').update(svg).digest('hex'));
  });

  it('are well-formed PNG, ICO (up to 256 px) and ICNS (up to 1024 px)', async () => {
    expect(pngSize(await readFile(join(ROOT, 'build/icon.png')))).toEqual({ width: 1024, height: 1024 });
    const ico = readIco(await readFile(join(ROOT, 'build/icon.ico')));
    expect(ico.map((e) => e.size)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const entry of ico) expect(pngSize(entry.png)).toEqual({ width: entry.size, height: entry.size });
    const icns = readIcns(await readFile(join(ROOT, 'build/icon.icns')));
    expect(icns.map((e) => e.type)).toEqual(['icp4', 'icp5', 'icp6', 'ic07', 'ic08', 'ic09', 'ic10']);
    expect(pngSize(icns.at(-1)?.data ?? Buffer.alloc(0))).toEqual({ width: 1024, height: 1024 });
  });
});

describe('asar rules of pack:check', () => {
  const good = [
    { path: 'package.json', size: 250 },
    { path: 'dist-electron/main.cjs', size: 700_000 },
    { path: 'dist-electron/preload.cjs', size: 90_000 },
    { path: 'dist/renderer/index.html', size: 600 },
    { path: 'dist/renderer/assets/index-AbC_1.js', size: 500_000 },
    { path: 'dist/renderer/assets/index-x.css', size: 4_000 },
  ];

  it('accepts the built bundles within budget', () => {
    expect(checkAsar(good, 1_400_000).problems).toEqual([]);
  });

  it('refuses sources, tests, source maps, node_modules, strays, missing bundles and size over budget', () => {
    const report = checkAsar(
      [
        ...good.filter((e) => e.path !== 'dist-electron/preload.cjs'),
        { path: 'electron/main/main.ts', size: 1 },
        { path: 'dist-electron/main.cjs.map', size: 1 },
        { path: 'node_modules/zod/index.js', size: 1 },
        { path: 'test/e2e/x.test.js', size: 1 },
        { path: 'dist/bench/index.html', size: 1 },
      ],
      ASAR_BUDGET_BYTES + 1,
    );
    expect(report.problems).toEqual([
      'electron/main/main.ts: TypeScript source must not ship',
      'dist-electron/main.cjs.map: source map must not ship',
      'node_modules/zod/index.js: node_modules (Vite already bundled the dependencies) must not ship',
      'test/e2e/x.test.js: tests must not ship',
      'dist/bench/index.html: not one of the files the app runs',
      'dist-electron/preload.cjs is missing',
      `app.asar is ${ASAR_BUDGET_BYTES + 1} bytes, over the budget of ${ASAR_BUDGET_BYTES}`,
    ]);
  });
});
