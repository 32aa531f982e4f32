import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

/**
 * The pid of the Chromium browser process running on `profileDir` (Linux: read from /proc), or null.
 * The browser is the process with that --user-data-dir and no --type= (its helpers have one).
 */
export async function chromiumBrowserPid(profileDir: string): Promise<number | null> {
  const wanted = `--user-data-dir=${profileDir}`;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const args = await readFile(`/proc/${entry}/cmdline`, 'utf8').then((text) => text.split('\0'), () => [] as string[]);
    if (args.includes(wanted) && !args.some((arg) => arg.startsWith('--type='))) return Number(entry);
  }
  return null;
}

/** What /proc/<pid>/stat says of a process: its state, parent, group and CPU used so far (user + system, clock ticks). */
export interface ProcessStat {
  state: string;
  parent: number;
  group: number;
  ticks: number;
}

/** Every process's stat, by pid (Linux: /proc); a process that ends while it is read is left out. */
export async function processStats(): Promise<Map<number, ProcessStat>> {
  const stats = new Map<number, ProcessStat>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => null);
    if (stat === null) continue;
    // After the command name (in parentheses, which may hold spaces): state, ppid, pgrp, … utime (12th), stime.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    stats.set(Number(entry), { state: fields[0] ?? '', parent: Number(fields[1]), group: Number(fields[2]), ticks: Number(fields[11]) + Number(fields[12]) });
  }
  return stats;
}

/** The live processes of group `pgid`; a zombie holds no file or lock, so it does not count. */
export async function processGroupMembers(pgid: number): Promise<number[]> {
  return [...(await processStats())].filter(([, stat]) => stat.state !== 'Z' && stat.group === pgid).map(([pid]) => pid);
}

/**
 * Kills a whole process group with SIGKILL, as a power cut or a crash would: nothing gets to flush
 * or close. Resolves once every process of the group is gone, not just its leader: a helper still
 * dying (say, in an fsync) can hold the profile's or LevelDB's lock, and the next start would fail on it.
 */
export async function killProcessGroup(pgid: number, timeoutMs = 20_000): Promise<void> {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
  const deadline = Date.now() + timeoutMs;
  for (let left = await processGroupMembers(pgid); left.length > 0; left = await processGroupMembers(pgid)) {
    if (Date.now() > deadline) throw new Error(`Process group ${pgid} still has ${left.join(', ')} after SIGKILL.`);
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 20));
  }
}

const DEVTOOLS_LISTENING = /DevTools listening on (ws:\/\/\S+)/;

/**
 * Starts Chromium as a plain child of this process, so it stays in this process's group (Playwright's
 * launch makes it lead a group of its own); answers its DevTools endpoint once it listens. Chromium
 * that exits first (say, another Chromium holds the profile) fails here, before the app writes anything.
 */
export function startChromiumInGroup(chromiumPath: string, args: string[]): Promise<{ endpoint: string; stop(): Promise<void> }> {
  const child = spawn(chromiumPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<void>((resolvePromise) => {
    child.once('exit', () => resolvePromise());
    child.once('error', () => resolvePromise());
  });
  // SIGTERM: Chromium closes its profile cleanly, as when its last window is closed.
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const look = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4_000);
      const match = output.match(DEVTOOLS_LISTENING);
      if (!match?.[1]) return;
      // Read on and dropped from now on, so a full pipe never stalls Chromium.
      child.stderr.off('data', look).resume();
      resolvePromise({ endpoint: match[1], stop });
    };
    child.stderr.on('data', look);
    child.once('error', reject);
    void exited.then(() => reject(new Error(`Chromium exited before it was ready (is another Chromium using this profile?):\n${output.trim()}`)));
  });
}
