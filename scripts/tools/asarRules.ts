/** What the packaged app.asar may hold: the bundles Vite built and package.json, nothing else. */

export interface AsarEntry {
  path: string;
  size: number;
}

export interface AsarReport {
  files: number;
  bytes: number;
  problems: string[];
}

/** The size budget of app.asar: the bundled main (with electron-updater), preload and renderer fit well inside. */
export const ASAR_BUDGET_BYTES = 3 * 1024 * 1024;
export const ASAR_MAX_FILES = 40;

const ALLOWED: RegExp[] = [
  /^package\.json$/,
  /^dist-electron\/(main|preload)\.cjs$/,
  /^dist\/renderer\/index\.html$/,
  /^dist\/renderer\/assets\/[\w.-]+\.(js|css|svg|png|woff2?|ico)$/,
];

const FORBIDDEN: Array<[RegExp, string]> = [
  [/\.(ts|tsx|mts|cts)$/, 'TypeScript source'],
  [/\.map$/, 'source map'],
  [/(^|\/)node_modules\//, 'node_modules (Vite already bundled the dependencies)'],
  [/(^|\/)(test|tests|__tests__)\//, 'tests'],
  [/\.(test|spec)\.[cm]?[jt]sx?$/, 'tests'],
  [/^(electron|shared|renderer|scripts|build)\//, 'sources'],
  [/(^|\/)\.(env|npmrc|git)/, 'dotfiles'],
];

/** Checks the listing against the rules and the budget. `asarBytes` is the archive file's size. */
export function checkAsar(entries: readonly AsarEntry[], asarBytes: number, budget = ASAR_BUDGET_BYTES): AsarReport {
  const problems: string[] = [];
  for (const { path } of entries) {
    const forbidden = FORBIDDEN.find(([pattern]) => pattern.test(path));
    if (forbidden) problems.push(`${path}: ${forbidden[1]} must not ship`);
    else if (!ALLOWED.some((pattern) => pattern.test(path))) problems.push(`${path}: not one of the files the app runs`);
  }
  for (const required of ['package.json', 'dist-electron/main.cjs', 'dist-electron/preload.cjs', 'dist/renderer/index.html']) {
    if (!entries.some((e) => e.path === required)) problems.push(`${required} is missing`);
  }
  if (asarBytes > budget) problems.push(`app.asar is ${asarBytes} bytes, over the budget of ${budget}`);
  if (entries.length > ASAR_MAX_FILES) problems.push(`app.asar holds ${entries.length} files, over the limit of ${ASAR_MAX_FILES}`);
  return { files: entries.length, bytes: asarBytes, problems };
}
