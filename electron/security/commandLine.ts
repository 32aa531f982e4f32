/**
 * Chromium switches that open the app to another process (remote debugging, a DevTools pipe, a
 * custom inspector). The fuses turn off Node's --inspect; these are Chromium's own, so a packaged
 * app refuses to run with them.
 */
const DEBUG_SWITCHES = ['remote-debugging-port', 'remote-debugging-pipe', 'remote-debugging-address', 'inspect', 'inspect-brk', 'inspect-port', 'js-flags'];

export function forbiddenSwitches(argv: readonly string[]): string[] {
  const found = new Set<string>();
  for (const arg of argv) {
    const match = /^--?([a-z-]+)(?:=|$)/i.exec(arg);
    const name = match?.[1]?.toLowerCase();
    if (name !== undefined && DEBUG_SWITCHES.includes(name)) found.add(name);
  }
  return [...found];
}
