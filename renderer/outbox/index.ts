/**
 * The outbox: the queue's whole life. A command queues a change in its own transaction (`enqueue`);
 * a sync takes a leased batch (`takeBatch`), sends it through main and applies the reply
 * (`applyResults`); refusals park, later changes of the token wait behind them, and the operator
 * decides (retry, keep the CRM's value, apply mine, fix the identifier, discard). A change that becomes
 * sendable wakes the scheduler (`watchEnqueued`). Every queued change is also written to main's journal
 * (`queueTransaction`), and at start what the database lost is put back from it (`reconcileJournal`).
 */
export { DEFAULT_BACKOFF, backoffDelay, type BackoffPolicy, type Jitter } from './backoff';
export {
  applyMine,
  discardParked,
  fixParkedIdentifier,
  fixParkedParticipant,
  fixParkedVerification,
  isDiscardable,
  isDuplicateIdentifier,
  isRefusedParticipant,
  isRefusedVerification,
  keepCrmValue,
  retryParked,
} from './decisions';
export { enqueue, newOutboxRow } from './enqueue';
export { linkJournal, queueTransaction, watchJournalProblem, type JournalApi } from './journal';
export { reconcileJournal, repairJournal, type JournalReconciliation } from './restore';
export { LEASE_MS, releaseLeases, takeBatch, type TakeOptions } from './lease';
export { isWaiting, WAITING } from './parking';
export {
  attentionEntries,
  countConflicts,
  countParked,
  countPending,
  queueEntries,
  queueSize,
  queueStats,
  tokenDetail,
  type QueueEntry,
  type QueueStats,
  type TokenDetail,
} from './queueView';
export { applyResults, type ApplySummary } from './replies';
export { rowsOf } from './tokenStatus';
export { watchEnqueued } from './wake';
