import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from '../crm-sim/simTestKit';

const APP_ROOT = resolve(import.meta.dirname, '../..');

export interface SimProcess {
  url: string;
  close: () => Promise<void>;
}

/**
 * The simulator in a process of its own, as a CRM is on another machine: its work is not counted
 * against the app's sync, which shares one process (renderer sync and main) in the push figures.
 */
export async function startSimProcess(latencyMs: number): Promise<SimProcess> {
  const [port, controlPort] = [await freePort(), await freePort()];
  const args = ['--import', 'tsx', 'test/crm-sim/cli.ts', '--port', String(port), '--control-port', String(controlPort), '--latency-ms', String(latencyMs)];
  const child = spawn(process.execPath, args, { cwd: APP_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout });
  const ready = new Promise<void>((done, reject) => {
    lines.on('line', (line) => line.startsWith('Demo login') && done());
    void exited.then(() => reject(new Error('the simulator stopped before it was ready')));
  });
  await ready;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
