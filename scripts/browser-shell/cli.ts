import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { crmUrlSchema } from '../../shared/ipc/contract';
import { DEFAULT_SHELL_PORT, launchBrowserShell } from './browserShell';
import { chromiumCandidate, findChromium } from './findChromium';

const USAGE =
  'Usage: npm run app:browser -- [--crm-url URL] [--user-data-dir DIR] [--headless] [--remote-debugging-port P] [--port P] [--same-process-group]';

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

function portOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--${name} must be a port number (0-65535), not "${value}".`);
  return port;
}

function readOptions() {
  try {
    return parseArgs({
      options: {
        'crm-url': { type: 'string' },
        'user-data-dir': { type: 'string' },
        headless: { type: 'boolean', default: false },
        'remote-debugging-port': { type: 'string' },
        port: { type: 'string' },
        'same-process-group': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
}

async function main(): Promise<void> {
  const values = readOptions();
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const crmUrl = values['crm-url'] === undefined ? undefined : crmUrlSchema.safeParse(values['crm-url']);
  if (crmUrl && !crmUrl.success) fail(`--crm-url: ${crmUrl.error.issues[0]?.message ?? 'invalid URL'}`);
  const chromiumPath = findChromium();
  if (!chromiumPath) {
    fail(`Chromium was not found at ${chromiumCandidate()}. Install it (apt-get install chromium) or set CHROMIUM_PATH.`, 1);
  }
  const userDataDir = resolve(values['user-data-dir'] ?? join(homedir(), '.token-desk', 'browser-shell'));
  const shell = await launchBrowserShell({
    appRoot: process.cwd(),
    chromiumPath,
    userDataDir,
    crmUrl: crmUrl?.data,
    headless: values.headless,
    remoteDebuggingPort: portOption(values['remote-debugging-port'], 'remote-debugging-port'),
    port: portOption(values.port, 'port') ?? DEFAULT_SHELL_PORT,
    sameProcessGroup: values['same-process-group'],
  });
  console.log(`Token Desk (browser shell) is running at ${shell.url}`);
  console.log(`Profile and settings: ${userDataDir}`);
  if (shell.debuggingPort !== null) console.log(`Remote debugging: http://127.0.0.1:${shell.debuggingPort}`);
  console.log('Press Ctrl+C to quit.');
  const quit = () => void shell.close().then(() => process.exit(0));
  process.once('SIGINT', quit);
  process.once('SIGTERM', quit);
  shell.context.once('close', () => process.exit(0));
}

main().catch((error: unknown) => fail(`Token Desk could not start: ${error instanceof Error ? error.message : String(error)}`, 1));
