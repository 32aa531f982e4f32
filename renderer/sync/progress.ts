import type { SyncApi, SyncProgressView } from './types';

/**
 * Runs `work` (one push) and, while it runs, follows main's progress events, reporting `before + done`
 * of `total`. Main speaks as each operation gets its answer; nothing here asks it.
 */
export async function withProgress<T>(
  api: Pick<SyncApi, 'on'>,
  work: () => Promise<T>,
  batch: { before: number; size: number; total: number },
  onProgress: (progress: SyncProgressView) => void,
): Promise<T> {
  const stop = api.on('syncProgress', (progress) => {
    if (!progress.running) return;
    const done = batch.before + Math.min(progress.done, batch.size);
    onProgress({ done, total: Math.max(batch.total, done) });
  });
  try {
    return await work();
  } finally {
    stop();
  }
}
