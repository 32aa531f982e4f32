/** Whether a sync may send changes that are still backing off. */
export interface SyncRequest {
  force: boolean;
}

export interface SchedulerOptions {
  /** Runs (or joins) one sync. */
  sync: (request: SyncRequest) => Promise<unknown>;
  /** Quiet time after a local change before its sync. */
  debounceMs: number;
  /** The timer's period, read at start (it lives in meta). */
  intervalMs: () => number | Promise<number>;
  /** Calls back on each local change (say, the pending count rose); returns an unsubscribe. */
  watchChanges?: (onChange: () => void) => () => void;
  /** Calls back when main says what held the queue changed (say, a CRM was configured); returns an unsubscribe. */
  watchMain?: (onChange: () => void) => () => void;
  /** Where the browser's `online` event fires; none in Node. */
  onlineEvents?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
}

export interface SyncScheduler {
  /** Syncs once now (start-up) and arms the triggers: local changes, `online`, the timer. */
  start: () => Promise<void>;
  stop: () => void;
  /** A local change: sync after `debounceMs` of quiet. */
  changed: () => void;
  /** "Sync now": forced, and covers any debounced sync still waiting. */
  syncNow: () => Promise<void>;
  /** A new timer period, effective at once when started. */
  setIntervalMs: (ms: number) => void;
}

/**
 * When to sync: debounced after a local change, on `online`, when main says the queue may move, once
 * at start-up, on a timer and on "Sync now". All but the timer and local changes are forced (a reason
 * to try now what was backing off). One sync at a time is the `sync` function's job (it joins).
 */
export function createSyncScheduler(options: SchedulerOptions): SyncScheduler {
  let debounce: ReturnType<typeof setTimeout> | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let period = 0;
  let started = false;
  let unwatch: (() => void) | null = null;
  let unwatchMain: (() => void) | null = null;

  const cancelDebounce = () => {
    if (debounce !== null) clearTimeout(debounce);
    debounce = null;
  };
  const trigger = async (force: boolean): Promise<void> => {
    cancelDebounce();
    await options.sync({ force });
  };
  const fire = (force: boolean) => () => void trigger(force);
  const onOnline = fire(true);
  const arm = () => {
    if (timer !== null) clearInterval(timer);
    timer = started && period > 0 ? setInterval(fire(false), period) : null;
  };
  const changed = () => {
    cancelDebounce();
    debounce = setTimeout(() => {
      debounce = null;
      void options.sync({ force: false });
    }, options.debounceMs);
  };

  return {
    start: async () => {
      if (started) return;
      started = true;
      period = await options.intervalMs();
      if (!started) return;
      options.onlineEvents?.addEventListener('online', onOnline);
      unwatch = options.watchChanges?.(changed) ?? null;
      unwatchMain = options.watchMain?.(onOnline) ?? null;
      arm();
      await trigger(true);
    },
    stop: () => {
      started = false;
      cancelDebounce();
      arm();
      options.onlineEvents?.removeEventListener('online', onOnline);
      unwatch?.();
      unwatchMain?.();
      unwatch = null;
      unwatchMain = null;
    },
    changed,
    syncNow: () => trigger(true),
    setIntervalMs: (ms) => {
      period = ms;
      arm();
    },
  };
}
