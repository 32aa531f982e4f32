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

async function alive(pid: number): Promise<boolean> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => null);
  return status !== null && !/^State:\s+Z/m.test(status);
}

/**
 * Kills the browser's whole process group with SIGKILL, as a power cut or a crash would: nothing
 * gets to flush or close. Playwright starts Chromium detached, so the browser leads its own group.
 * Resolves once the browser process is gone.
 */
export async function killProcessGroup(pid: number, timeoutMs = 20_000): Promise<void> {
  process.kill(-pid, 'SIGKILL');
  const deadline = Date.now() + timeoutMs;
  while (await alive(pid)) {
    if (Date.now() > deadline) throw new Error(`Chromium (pid ${pid}) did not exit after SIGKILL.`);
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 20));
  }
}
