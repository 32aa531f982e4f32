import { MAX_BATCH, type JournalEntry, type Operation, type PushReply } from '../../shared/ipc/contract';

export const FINAL_SYNC_MS = 10_000;

export interface FinalSyncDeps {
  liveEntries: () => Promise<JournalEntry[]>;
  push: (operations: Operation[]) => Promise<PushReply>;
  /** Resolves after `ms`; injected so tests need no real timer. */
  wait: (ms: number) => Promise<void>;
}

/**
 * One last try, when the app quits, to send what the journal still holds. Each goes as a possible
 * repeat (attempt 2 at least), so a change the window already sent is adopted, not made twice.
 * Answers how many stay queued (they are sent at the next start).
 */
export async function finalSync(deps: FinalSyncDeps, timeoutMs = FINAL_SYNC_MS): Promise<{ stillQueued: number }> {
  const live = await deps.liveEntries();
  if (live.length === 0) return { stillQueued: 0 };
  const batch = [...live].sort((a, b) => a.queuedAt - b.queuedAt).slice(0, MAX_BATCH);
  const operations = batch.map((entry) => ({ ...entry.operation, attempt: Math.max(2, entry.operation.attempt) }));
  await Promise.race([deps.push(operations).catch(() => undefined), deps.wait(timeoutMs)]);
  return { stillQueued: (await deps.liveEntries()).length };
}
