import { t } from './i18n';
import { ZodError } from 'zod';
import { plainIssues } from './plainProblems';

export const DISK_FULL = 'The disk is full: this change was not saved. Free some space on this computer and try again; Token Desk carries on without a restart.';

/**
 * Whether a storage write failed for want of space. Chromium says QuotaExceededError, or (for a row
 * numbered by the store, seen on a full disk) "Maximum key generator value reached": a limit of 2^53
 * rows this app cannot reach otherwise. Dexie wraps the browser's error as `inner`; main's file writes
 * say ENOSPC.
 */
export function isDiskFull(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Error; current = 'inner' in current ? current.inner : undefined) {
    if (current.name === 'QuotaExceededError' || /Maximum key generator value reached|ENOSPC/i.test(current.message)) return true;
  }
  return false;
}

/** A thrown value as a sentence for the operator (IpcCallError carries main's message); a schema's problems in words, never its JSON. */
export function errorMessage(error: unknown): string {
  if (isDiskFull(error)) return DISK_FULL;
  if (error instanceof ZodError) return plainIssues(error).join(' ');
  if (error instanceof Error && error.message !== '') return error.message;
  return t('shell.somethingWrong');
}
