import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { listPackage, statFile } from '@electron/asar';
import { getCurrentFuseWire } from '@electron/fuses';
import { build, Platform } from 'electron-builder';
import { checkAsar, ASAR_BUDGET_BYTES, ASAR_MAX_FILES, type AsarEntry } from './asarRules';
import { REQUIRED_FUSES } from './builderConfig';
import { createStubElectronDist } from './stubElectron';

/**
 * `npm run pack:check`: builds the app, packs it with electron-builder offline (`--linux dir` with a
 * stub Electron dist), then checks what would ship: the asar's files and size, and the fuses that
 * electron-builder flipped in the (stub) binary.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const FUSE_ON = 49;
const FUSE_OFF = 48;

function listAsar(archive: string): AsarEntry[] {
  const entries: AsarEntry[] = [];
  for (const raw of listPackage(archive, { isPack: false })) {
    const path = raw.replace(/\\/g, '/').replace(/^\//, '');
    const entry = statFile(archive, path, false);
    if ('files' in entry || 'link' in entry) continue;
    entries.push({ path, size: Number(entry.size) });
  }
  return entries;
}

async function checkFuses(binary: string): Promise<string[]> {
  const wire = await getCurrentFuseWire(binary);
  const problems: string[] = [];
  for (const fuse of REQUIRED_FUSES) {
    const state = (wire as unknown as Record<number, number | undefined>)[fuse.index];
    const expected = fuse.value ? FUSE_ON : FUSE_OFF;
    if (state !== expected) problems.push(`fuse ${fuse.key} is ${state === FUSE_ON ? 'on' : 'off'} in the packaged binary; it must be ${fuse.value ? 'on' : 'off'}`);
  }
  return problems;
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    const built = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
    if (built.status !== 0) throw new Error('npm run build failed');
  }
  const work = await mkdtemp(join(tmpdir(), 'token-desk-pack-'));
  try {
    const electronDist = await createStubElectronDist(join(work, 'electron-dist'));
    const output = join(work, 'out');
    await build({
      projectDir: ROOT,
      targets: Platform.LINUX.createTarget('dir'),
      publish: 'never',
      config: { extends: null, electronDist, directories: { output } },
    });
    const unpacked = join(output, 'linux-unpacked');
    const archive = join(unpacked, 'resources', 'app.asar');
    const asarBytes = (await stat(archive)).size;
    const entries = listAsar(archive);
    const report = checkAsar(entries, asarBytes);
    const fuseProblems = await checkFuses(join(unpacked, 'token-desk'));
    console.log('\napp.asar contents:');
    for (const entry of [...entries].sort((a, b) => b.size - a.size)) console.log(`  ${String(entry.size).padStart(9)}  ${entry.path}`);
    console.log(
      `\napp.asar: ${(asarBytes / 1024).toFixed(1)} KiB (${asarBytes} bytes), ${report.files} files; ` +
        `budget ${(ASAR_BUDGET_BYTES / 1024 / 1024).toFixed(0)} MiB and ${ASAR_MAX_FILES} files.`,
    );
    console.log(`fuses in the packaged binary: ${REQUIRED_FUSES.map((f) => `${f.key}=${f.value ? 'on' : 'off'}`).join(', ')}${fuseProblems.length === 0 ? ' (as configured)' : ''}`);
    const problems = [...report.problems, ...fuseProblems];
    if (problems.length > 0) {
      console.error(`\npack:check failed:\n- ${problems.join('\n- ')}`);
      process.exitCode = 1;
      return;
    }
    console.log('pack:check passed: the asar holds only the built bundles and package.json, within budget, and the fuses are set.');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`pack:check failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
