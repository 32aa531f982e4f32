/** A number in [0, 1), as Math.random gives; injected so tests can pin the jitter. */
export type Jitter = () => number;

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

/** 2 s, 4 s, 8 s … up to 5 min. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 300_000 };

/**
 * Whether a time set `maxWaitMs` ahead at most still lies ahead. One further ahead than that was set
 * before the clock jumped back, and is treated as reached: a clock that jumps back a day cannot hold
 * a retry (or a lease) for a day.
 */
export function stillAhead(until: number, now: number, maxWaitMs: number): boolean {
  return until > now && until - now <= maxWaitMs;
}

/**
 * How long to wait after the `attempts`-th failed send: capped exponential backoff with equal
 * jitter, so the delay lies in [ceiling / 2, ceiling) where ceiling = min(cap, base × 2^(attempts−1)).
 * Half fixed keeps a retry from firing at once; half random keeps counters from retrying in step.
 */
export function backoffDelay(attempts: number, jitter: Jitter = Math.random, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, attempts - 1);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(exponent, 30));
  const half = ceiling / 2;
  const random = Math.min(Math.max(jitter(), 0), 1);
  return Math.min(ceiling - 1, Math.floor(half + half * random));
}
