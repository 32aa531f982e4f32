import type { SyncApi, SyncProgressView } from './types';

export interface ProgressFollower {
  /** Operations handed to main. */
  sent: (count: number) => void;
  /** Operations whose answers were applied. */
  applied: (count: number) => void;
  stop: () => void;
}

/**
 * "n of m" for one sync while its batches are with main: main speaks as each operation gets its answer
 * (nothing here asks it), counting from when it was last idle. What it heard counts up to what this
 * sync sent, and never below what was applied.
 */
export function followProgress(api: Pick<SyncApi, 'on'>, total: number, onProgress: (progress: SyncProgressView) => void): ProgressFollower {
  let sent = 0;
  let applied = 0;
  let heard = 0;
  let lastDone = 0;
  const show = () => {
    const done = Math.max(applied, Math.min(heard, sent));
    onProgress({ done, total: Math.max(total, done) });
  };
  const stop = api.on('syncProgress', (progress) => {
    if (progress.done < lastDone) lastDone = 0;
    heard += progress.done - lastDone;
    lastDone = progress.done;
    show();
  });
  return {
    sent: (count) => {
      sent += count;
    },
    applied: (count) => {
      applied += count;
      show();
    },
    stop,
  };
}
