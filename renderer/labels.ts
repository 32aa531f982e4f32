import type { AuditOutcome, SyncStatus } from './storage/rows';

export const SYNC_STATUS_LABELS: Record<SyncStatus, string> = {
  synced: 'Synced',
  pending: 'Pending',
  attention: 'Needs attention',
  conflict: 'Conflict',
};

/** The CRM's local date-time ("2024-01-11T09:01:00") as the counter reads it: "2024-01-11 09:01". */
export function formatCrmDate(date: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(date);
  return match ? `${match[1]} ${match[2]}` : date;
}

export function formatTime(ms: number | null, never = 'never'): string {
  return ms === null ? never : new Date(ms).toLocaleString();
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration as a counter reads it: "under 1 min", "5 min", "3 h", "2 d". */
export function formatAge(ms: number): string {
  if (ms < MINUTE) return 'under 1 min';
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)} h`;
  return `${Math.floor(ms / DAY)} d`;
}

/** How a history entry ended, in words that do not repeat a token's sync status. */
export const AUDIT_OUTCOME_LABELS: Record<AuditOutcome, string> = {
  queued: 'Queued',
  synced: 'Accepted by the CRM',
  adopted: 'Found already in the CRM',
  parked: 'Refused by the CRM',
  conflict: 'Changed elsewhere',
  dropped: 'Dropped',
  requeued: 'Queued again',
  local: 'Recorded here',
};

/** A code in groups of four ("B0T5 BRP1 TJF7 5487"), to read aloud and copy; the last group may be shorter. */
export function codeGroups(code: string): string[] {
  return code.match(/.{1,4}/gu) ?? [];
}
