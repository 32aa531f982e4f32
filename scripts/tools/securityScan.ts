import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

/**
 * `npm run security:scan`: @doyensec/electronegativity over (1) the sources that make the app
 * (electron/, shared/, the renderer's HTML) and (2) the built bundles that ship (dist-electron/*.cjs as
 * .js, which the scanner otherwise skips, and dist/renderer). Fails on any HIGH or MEDIUM finding,
 * and on any `eng-disable` annotation that is not in the reviewed list below.
 */
const ROOT = resolve(import.meta.dirname, '../..');

interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: string; value: number };
  confidence: { name: string };
  description: string;
  sample?: string;
  manualReview?: boolean;
}
interface ScanResult {
  issues: Finding[];
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
}
type Run = (options: { input: string; electronVersionOverride: string; isRelative: boolean; excludeFromScan: string[] }) => Promise<ScanResult>;

/**
 * The scanner reaches out with `got` for translations and Electron's release list. The scan must
 * not touch the network (CI here has none): `got` is replaced, for the scanner only, by a function
 * that fails at once, so it falls back to its bundled English texts.
 */
function loadOfflineScanner(): Run {
  const require = createRequire(import.meta.url);
  const scannerPath = require.resolve('@doyensec/electronegativity');
  const fromScanner = createRequire(scannerPath);
  const gotPath = fromScanner.resolve('got');
  const offline = Object.assign(() => Promise.reject(new Error('offline: security:scan does not use the network')), { __esModule: false });
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: Object.assign(offline, { default: offline }) } as unknown as NodeJS.Module;
  const scanner = require(scannerPath) as Run | { default: Run };
  return typeof scanner === 'function' ? scanner : scanner.default;
}

/**
 * Findings marked with the scanner's own `eng-disable` comment, each reviewed: the scanner flags
 * every use of these APIs, whatever guards them.
 */
export const REVIEWED_SUPPRESSIONS = [
  {
    id: 'PRELOAD_JS_CHECK',
    file: 'electron/security/mainWindow.ts',
    /** The same line in dist-electron/main.cjs, where the bundler has dropped the comment. */
    bundleLine: /\bpreload: settings\.preloadPath\b/,
    reason:
      'The preload (electron/preload/preload.ts) runs sandboxed with context isolation and exposes one frozen object, ' +
      'window.tokenDesk, whose methods are exactly the IPC contract\'s channels; each call carries only (channel, payload), ' +
      'and main checks the sender frame and validates the payload against the contract.',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'electron/app/main.ts',
    bundleLine: /\bshell\.openExternal\(url\)/,
    reason:
      'shell.openExternal only receives URLs that passed vetExternalUrl (electron/security/externalLinks.ts): ' +
      'http(s) only, no credentials, no control characters, and only the configured CRM server\'s host.',
  },
] as const;

const SCAN_EXTENSIONS = /\.(ts|tsx|js|jsx|html?)$/;

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else out.push(path);
  }
  return out;
}

/** Every `eng-disable` annotation under the given folders, as "file: CHECK_ID". */
export async function findSuppressions(root: string, dirs: readonly string[]): Promise<Array<{ file: string; id: string }>> {
  const found: Array<{ file: string; id: string }> = [];
  for (const dir of dirs) {
    for (const file of (await listFiles(join(root, dir))).filter((f) => SCAN_EXTENSIONS.test(f))) {
      const text = await readFile(file, 'utf8');
      // The scanner's own syntax (electronegativity src/util/exceptions.js): a comment, then the check ids.
      for (const match of text.matchAll(/(?:\/\*|\/\/)[ \t]*eng-disable[ \t]+([\w \t]+)/g)) {
        for (const id of (match[1] ?? '').trim().split(/\s+/)) {
          if (/^[A-Z0-9_]+$/.test(id)) found.push({ file: relative(root, file), id });
        }
      }
    }
  }
  return found;
}

async function electronVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string> };
  const version = pkg.devDependencies?.electron;
  if (!version) throw new Error('electron is not in devDependencies');
  return version;
}

async function stageSources(dir: string): Promise<void> {
  await cp(join(ROOT, 'electron'), join(dir, 'electron'), { recursive: true });
  await cp(join(ROOT, 'shared'), join(dir, 'shared'), { recursive: true });
  await mkdir(join(dir, 'renderer'), { recursive: true });
  await cp(join(ROOT, 'renderer', 'index.html'), join(dir, 'renderer', 'index.html'));
}

async function stageBundles(dir: string): Promise<void> {
  await mkdir(join(dir, 'dist-electron'), { recursive: true });
  for (const name of ['main', 'preload']) {
    await cp(join(ROOT, 'dist-electron', `${name}.cjs`), join(dir, 'dist-electron', `${name}.js`));
  }
  await cp(join(ROOT, 'dist', 'renderer'), join(dir, 'dist', 'renderer'), { recursive: true });
}

/**
 * The bundler drops comments, so in the bundle a reviewed finding is recognised by its check and
 * its line; each reviewed suppression covers exactly one finding.
 */
export function splitReviewedBundleFindings(issues: readonly Finding[]): { kept: Finding[]; reviewed: Finding[] } {
  const unused = [...REVIEWED_SUPPRESSIONS];
  const kept: Finding[] = [];
  const reviewed: Finding[] = [];
  for (const issue of issues) {
    const index = unused.findIndex((r) => r.id === issue.id && r.bundleLine.test(issue.sample ?? ''));
    if (index === -1) kept.push(issue);
    else {
      unused.splice(index, 1);
      reviewed.push(issue);
    }
  }
  return { kept, reviewed };
}

function print(title: string, result: ScanResult, reviewed: readonly Finding[]): Finding[] {
  const serious = result.issues.filter((i) => i.severity.value >= 2);
  console.log(`\n== ${title}: ${result.issues.length} finding(s), ${serious.length} high/medium`);
  for (const issue of reviewed) {
    console.log(`  reviewed ${issue.id} at ${issue.file}:${issue.location.line} (its eng-disable comment is in the source; see below)`);
  }
  for (const issue of result.issues) {
    const where = `${issue.file}:${issue.location.line}:${issue.location.column}`;
    console.log(`  ${issue.severity.name.padEnd(6)} ${issue.confidence.name.padEnd(9)} ${issue.id}  ${where}${issue.manualReview ? '  (review)' : ''}`);
    console.log(`         ${issue.description.split('\n')[0]}`);
  }
  for (const error of result.errors) console.log(`  parse ${error.tolerable ? 'warning' : 'error'}: ${error.file}: ${error.message}`);
  return serious;
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    const built = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
    if (built.status !== 0) throw new Error('npm run build failed');
  }
  const scan = loadOfflineScanner();
  const version = await electronVersion();
  const work = await mkdtemp(join(tmpdir(), 'token-desk-scan-'));
  const failures: string[] = [];
  try {
    await stageSources(join(work, 'sources'));
    await stageBundles(join(work, 'bundles'));
    for (const [title, input] of [['sources (electron/, shared/, renderer/index.html)', 'sources'], ['built bundles (dist-electron, dist/renderer)', 'bundles']] as const) {
      // The "available security fixes" check needs Electron's release list from the network: not run here.
      const scanned = await scan({ input: join(work, input), electronVersionOverride: version, isRelative: true, excludeFromScan: ['AvailableSecurityFixesGlobalCheck'] });
      const split = input === 'bundles' ? splitReviewedBundleFindings(scanned.issues) : { kept: scanned.issues, reviewed: [] };
      const serious = print(title, { ...scanned, issues: split.kept }, split.reviewed);
      failures.push(...serious.map((i) => `${input}: ${i.severity.name} ${i.id} at ${i.file}:${i.location.line}`));
      failures.push(...scanned.errors.filter((e) => !e.tolerable).map((e) => `${input}: could not parse ${e.file}: ${e.message}`));
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const suppressions = await findSuppressions(ROOT, ['electron', 'shared']);
  console.log(`\n== reviewed suppressions (eng-disable): ${suppressions.length}`);
  for (const s of suppressions) {
    const reviewed = REVIEWED_SUPPRESSIONS.find((r) => r.id === s.id && r.file === s.file);
    if (reviewed) console.log(`  ${s.id}  ${s.file}\n         ${reviewed.reason}`);
    else failures.push(`unreviewed eng-disable ${s.id} in ${s.file}: add it to REVIEWED_SUPPRESSIONS with a reason, and to docs/security.md`);
  }
  if (failures.length > 0) {
    console.error(`\nsecurity:scan failed:\n- ${failures.join('\n- ')}`);
    process.exit(1);
  }
  console.log(`\nsecurity:scan passed: 0 high/medium findings (Electron ${version}).`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(`security:scan failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
