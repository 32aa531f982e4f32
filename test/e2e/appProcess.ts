import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Page } from 'playwright-core';
import { killProcessGroup } from '../../scripts/browser-shell/chromiumProcess';
import { APP_ROOT } from './shellHarness';

const RUNNING = /Token Desk \(browser shell\) is running at (http:\/\/127\.0\.0\.1:(\d+))/;
const DEBUGGING = /Remote debugging: (http:\/\/127\.0\.0\.1:\d+)/;

/** Resolves with the first match of `pattern` in the child's output; rejects if `what` exits first. */
export function waitForOutput(child: ChildProcess, pattern: RegExp, output: { text: string }, what: string): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const look = (chunk: Buffer) => {
      output.text += chunk.toString('utf8');
      const match = output.text.match(pattern);
      if (match) resolve(match);
    };
    child.stdout?.on('data', look);
    child.stderr?.on('data', look);
    child.once('exit', (code) => reject(new Error(`${what} exited (${code}) before it was ready:\n${output.text}`)));
  });
}

/**
 * The whole app as `npm run app:browser` runs it, in a process group of its own: main (router,
 * journal, sync, vault, settings) and its Chromium. The test drives its window over Chromium's
 * debugging port, as a second client beside the app's own.
 */
export interface AppProcess {
  readonly pgid: number;
  /** The renderer's port: the next start must reuse it, since IndexedDB belongs to the origin. */
  readonly port: number;
  readonly page: Page;
  readonly exited: Promise<number | null>;
}

/** How long a start may take on a loaded machine before the app is killed and the start fails with its output. */
const READY_WITHIN_MS = 90_000;

function readyWithin<T>(work: Promise<T>, output: { text: string }): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`The app was not ready within ${READY_WITHIN_MS / 1000} s:\n${output.text}`)), READY_WITHIN_MS);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Starts the app on `userDataDir`; `port` 0 picks a free one. Resolves once its window shows the app. */
export async function startApp(userDataDir: string, options: { port: number; crmUrl?: string }): Promise<AppProcess> {
  const args = ['--import', 'tsx', 'scripts/browser-shell/cli.ts', '--headless', '--same-process-group', '--port', String(options.port), '--user-data-dir', userDataDir];
  if (options.crmUrl !== undefined) args.push('--crm-url', options.crmUrl);
  const child = spawn(process.execPath, args, { cwd: APP_ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const pgid = child.pid;
  if (pgid === undefined) throw new Error('The app could not be started.');
  const output = { text: '' };
  try {
    const [, debugging] = await readyWithin(waitForOutput(child, DEBUGGING, output, 'The app'), output);
    const [, url, port] = output.text.match(RUNNING) ?? [];
    const browser = await chromium.connectOverCDP(debugging!);
    const page = browser.contexts()[0]?.pages().find((open) => open.url().startsWith(`${url}/`));
    if (!page) throw new Error(`The app's window (${url}) was not found.`);
    return { pgid, port: Number(port), page, exited };
  } catch (error) {
    await killProcessGroup(pgid);
    throw error;
  }
}

/** SIGKILLs the app's whole process group, as a crash or power cut would, and waits until every process of it is gone. */
export async function killApp(app: AppProcess): Promise<void> {
  await killProcessGroup(app.pgid);
  await app.exited;
}
