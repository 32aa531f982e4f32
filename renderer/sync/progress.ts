import type { SyncApi, SyncProgressView } from './types';

export const PROGRESS_POLL_MS = 250;

/**
 * Runs `work` (one push) and, while it runs, asks main every `pollMs` how many of its operations
 * have an answer, reporting `before + that` of `total`. Polling stops with the push; its errors are ignored.
 */
export async function withProgress<T>(
  api: Pick<SyncApi, 'getSyncProgress'>,
  work: () => Promise<T>,
  batch: { before: number; size: number; total: number },
  onProgress: (progress: SyncProgressView) => void,
  pollMs = PROGRESS_POLL_MS,
): Promise<T> {
  let live = true;
  const report = (inBatch: number) => {
    const done = batch.before + Math.min(inBatch, batch.size);
    onProgress({ done, total: Math.max(batch.total, done) });
  };
  const poll = async () => {
    try {
      const progress = await api.getSyncProgress({});
      if (live && progress.running) report(progress.done);
    } catch {
      // Progress is a nicety; a main without it still syncs.
    }
  };
  const timer = setInterval(() => void poll(), pollMs);
  try {
    return await work();
  } finally {
    live = false;
    clearInterval(timer);
  }
}
