import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CrmCode } from '../../shared/crm/statusCodes';

const ROOT = resolve(import.meta.dirname, '../..');
/** The app's code. The simulator (test/crm-sim) plays the CRM and may name its codes. */
const APP_DIRS = ['shared', 'electron', 'renderer', 'scripts'];
/** The one home of CRM codes: the guesses and the dialect that reads a server's answers. */
const CODE_HOME = 'shared/crm/';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Naming a code: its text, the CrmCode table, or a guessed code constant. */
const NAMES = [...Object.values(CrmCode), 'COM.CRM.EXCEPTION', 'CrmCode', 'PERMANENT_CODES'];

describe('CRM error codes', () => {
  it('are named nowhere in the app outside shared/crm/', () => {
    const offenders = APP_DIRS.flatMap((dir) => sources(join(ROOT, dir)))
      .map((path) => relative(ROOT, path).replaceAll('\\', '/'))
      .filter((path) => !path.startsWith(CODE_HOME))
      .flatMap((path) => {
        const text = readFileSync(join(ROOT, path), 'utf8');
        return NAMES.filter((name) => text.includes(name)).map((name) => `${path}: ${name}`);
      });
    expect(offenders).toEqual([]);
  });
});
