export const MAX_CRASH_RELOADS = 3;
export const CRASH_WINDOW_MS = 5 * 60_000;

/**
 * Whether a crashed renderer is reloaded: yes, unless it already crashed MAX_CRASH_RELOADS times
 * in the last CRASH_WINDOW_MS (then reloading would only loop; the window says so instead).
 */
export function createCrashReloads(max = MAX_CRASH_RELOADS, windowMs = CRASH_WINDOW_MS) {
  const crashes: number[] = [];
  return (at: number): 'reload' | 'stop' => {
    while (crashes.length > 0 && (crashes[0] ?? 0) <= at - windowMs) crashes.shift();
    if (crashes.length >= max) return 'stop';
    crashes.push(at);
    return 'reload';
  };
}
