import type { SyncStatus } from './db/rows';
import type { CrmReachView } from './stores/syncStore';

const REACH_LABELS: Record<CrmReachView, string> = {
  unknown: 'Not synced yet',
  ok: 'Online',
  unreachable: 'Offline — CRM unreachable',
  unconfigured: 'No CRM configured — working offline',
  loginFailed: 'Sign-in to CRM failed',
};

export function reachLabel(crm: CrmReachView, browserOnline: boolean): string {
  return browserOnline ? REACH_LABELS[crm] : 'Offline';
}

export const SYNC_STATUS_LABELS: Record<SyncStatus, string> = {
  synced: 'Synced',
  pending: 'Pending',
  attention: 'Needs attention',
  conflict: 'Conflict',
};

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
