import type { SyncError } from '../shared/ipc/contract';
import { IpcCallError } from '../shared/ipc/tokenDeskApi';
import { describeConflicts } from './changeText';
import { mainText, t } from './i18n';
import type { TokenRow } from './storage/rows';
import { ZodError } from 'zod';
import { plainIssues } from './plainProblems';

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

/** Why a queued change is stuck, in the clerk's language; a row queued before errors carried words shows its record. */
export function syncErrorText(error: Pick<SyncError, 'message' | 'words'>): string {
  return error.words ? mainText(error.words) : error.message;
}

/** Why a token needs attention, in the clerk's language; a token stored before its problem was kept shows its English. */
export function lastErrorText({ lastError, lastProblem }: Pick<TokenRow, 'lastError' | 'lastProblem'>): string | null {
  switch (lastProblem?.kind) {
    case 'refused':
      return mainText(lastProblem.words);
    case 'conflict':
      return describeConflicts(lastProblem.conflicts);
    case 'missing':
      return t('token.facts.missing');
    case undefined:
      return lastError;
  }
}

/** A thrown value as a sentence for the operator (IpcCallError carries main's words); a schema's problems in words, never its JSON. */
export function errorMessage(error: unknown): string {
  if (isDiskFull(error)) return t('shell.diskFull');
  if (error instanceof IpcCallError) return mainText(error.words);
  if (error instanceof ZodError) return plainIssues(error).join(' ');
  if (error instanceof Error && error.message !== '') return error.message;
  return t('shell.somethingWrong');
}
