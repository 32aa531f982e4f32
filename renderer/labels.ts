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
};

export function formatTime(ms: number | null, never = 'never'): string {
  return ms === null ? never : new Date(ms).toLocaleString();
}
