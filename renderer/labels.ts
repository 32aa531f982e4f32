import type { LifeCycleState } from '../shared/token/lifeCycle';
import type { AuditOutcome, SyncStatus } from './storage/rows';
export { formatAge, formatCrmDate } from './i18n';
import { formatTimeOr, t } from './i18n';

export const syncStatusLabel = (status: SyncStatus): string => t(`words.syncStatus.${status}`);

export const lifeCycleLabel = (state: LifeCycleState): string => t(`words.lifeCycle.${state}`);

export function formatTime(ms: number | null, never = t('shell.status.never')): string {
  return formatTimeOr(ms, never);
}

/** How a history entry ended, in words that do not repeat a token's sync status. */
export const auditOutcomeLabel = (outcome: AuditOutcome): string => t(`words.auditOutcome.${outcome}`);

/** A code in groups of four ("B0T5 BRP1 TJF7 5487"), to read aloud and copy; the last group may be shorter. */
export function codeGroups(code: string): string[] {
  return code.match(/.{1,4}/gu) ?? [];
}
