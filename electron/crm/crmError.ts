import { CrmCode, PERMANENT_CODES } from '../../shared/crm/statusCodes';

/**
 * temporary: the CRM could not be reached or answered with a server fault; try again later.
 * session:   the session token is unknown or expired; log in again.
 * permanent: the CRM refused the request itself; sending it again cannot help.
 * unknown:   an error code we do not know; retried a bounded number of times, then treated as permanent.
 */
export type CrmErrorKind = 'temporary' | 'session' | 'permanent' | 'unknown';

export class CrmError extends Error {
  readonly kind: CrmErrorKind;
  readonly code: string;

  constructor(kind: CrmErrorKind, code: string, message: string) {
    super(message);
    this.name = 'CrmError';
    this.kind = kind;
    this.code = code;
  }
}

/** Transport-level codes (not from the CRM): they never mean the request was refused. */
export const TransportCode = {
  network: 'NETWORK',
  timeout: 'TIMEOUT',
  badReply: 'BAD_REPLY',
} as const;

export function kindOfStatusCode(code: string): CrmErrorKind {
  if (code === CrmCode.invalidToken) return 'session';
  if (PERMANENT_CODES.has(code)) return 'permanent';
  return 'unknown';
}

export function isCrmError(error: unknown, ...kinds: CrmErrorKind[]): error is CrmError {
  return error instanceof CrmError && (kinds.length === 0 || kinds.includes(error.kind));
}
