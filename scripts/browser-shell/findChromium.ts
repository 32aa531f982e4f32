import { accessSync, constants } from 'node:fs';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Where Chromium is looked for: CHROMIUM_PATH if set, else Debian's chromium. */
export function chromiumCandidate(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH?.trim() || DEFAULT_CHROMIUM;
}

/** The Chromium to run, or null when the candidate cannot be run. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidate = chromiumCandidate(env);
  try {
    accessSync(candidate, constants.X_OK);
    return candidate;
  } catch {
    return null;
  }
}
