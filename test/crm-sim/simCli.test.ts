import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parseCliOptions, UsageError } from './cliOptions';
import { DEMO_DATA_PATH } from './simData';
import { freePort } from './simTestKit';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function runCli(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'test/crm-sim/cli.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

function collect(stream: NodeJS.ReadableStream | null): () => string {
  let text = '';
  stream?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return () => text;
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function waitFor(read: () => string, marker: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!read().includes(marker)) {
    if (Date.now() > until) throw new Error(`no "${marker}" in time; output so far: ${read()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('crm-sim command', () => {
  it('starts, prints the URLs and the demo login, serves, and stops cleanly on SIGTERM', async () => {
    const [port, controlPort] = [await freePort(), await freePort()];
    const child = runCli(['--port', String(port), '--control-port', String(controlPort), '--latency-ms', '5']);
    const exited = exitOf(child);
    const stdout = collect(child.stdout);
    const stderr = collect(child.stderr);
    try {
      await waitFor(stdout, 'Demo login', 15_000);
      expect(stdout()).toContain(`http://127.0.0.1:${port}`);
      expect(stdout()).toContain(`http://127.0.0.1:${controlPort}`);
      expect(stdout()).toContain('username demo, password demo, organisation DEMO');
      const state = (await (await fetch(`http://127.0.0.1:${controlPort}/state`)).json()) as { switches: { latencyMs: number } };
      expect(state.switches.latencyMs).toBe(5);
      const login = await fetch(`http://127.0.0.1:${port}/crmapi/rest/v2/authentication/token`, {
        method: 'POST',
        body: JSON.stringify({ username: 'demo', password: 'demo', organisation: 'DEMO' }),
      });
      expect(((await login.json()) as { status: { code: string } }).status.code).toBe('OK');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr()).toBe('');
  }, 30_000);

  it.each([
    [['--port', 'eighty'], /--port/],
    [['--bogus'], /bogus/],
    [['--data', '/no/such/file.json'], /no\/such\/file\.json/],
  ])('refuses %j with one line on stderr and exit code 2', async (args, message) => {
    const child = runCli(args);
    const stderr = collect(child.stderr);
    expect(await exitOf(child)).toBe(2);
    expect(stderr()).toMatch(message);
    expect(stderr().trimEnd().split('\n')).toHaveLength(1);
  }, 30_000);
});

describe('parseCliOptions', () => {
  it('defaults to port 8787, control port + 1, no latency and the demo data', () => {
    expect(parseCliOptions([])).toEqual({ port: DEFAULT_PORT, controlPort: DEFAULT_PORT + 1, switches: { latencyMs: 0 }, data: undefined });
  });

  it('reads every flag', () => {
    const options = parseCliOptions(['--port', '9000', '--control-port', '9100', '--latency-ms', '250', '--data', DEMO_DATA_PATH]);
    expect(options).toMatchObject({ port: 9000, controlPort: 9100, switches: { latencyMs: 250 } });
    expect(options.data?.users[0]?.username).toBe('demo');
    expect(parseCliOptions(['--port', '9000']).controlPort).toBe(9001);
  });

  it.each([[['--port', '70000']], [['--latency-ms', '-5']], [['--port', '65535']], [['extra']]])('refuses %j', (args) => {
    expect(() => parseCliOptions(args)).toThrow(UsageError);
  });
});
