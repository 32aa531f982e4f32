/**
 * temporary: the CRM could not be reached or answered with a server fault; try again later.
 * session:   the session token is unknown or expired; log in again.
 * permanent: the CRM refused the request itself; sending it again cannot help.
 * unknown:   an error code we do not know; retried a bounded number of times, then treated as permanent.
 */
import type { SyncError } from '../../shared/ipc/contract';

export type CrmErrorKind = 'temporary' | 'session' | 'permanent' | 'unknown';

export class CrmError extends Error {
  readonly kind: CrmErrorKind;
  readonly code: string;
  /** The HTTP status of the answer; null when none came (network, timeout). */
  readonly httpStatus: number | null;
  /** True when the CRM itself answered with a status envelope (not a transport failure). */
  readonly fromCrm: boolean;
  /** What the app recognised in the answer, for screens that must not read codes. */
  readonly reason: SyncError['reason'];

  constructor(
    kind: CrmErrorKind,
    code: string,
    message: string,
    answer: { httpStatus?: number | null; fromCrm?: boolean; reason?: SyncError['reason'] } = {},
  ) {
    super(message);
    this.name = 'CrmError';
    this.kind = kind;
    this.code = code;
    this.httpStatus = answer.httpStatus ?? null;
    this.fromCrm = answer.fromCrm ?? false;
    this.reason = answer.reason;
  }
}

/** Transport-level codes (not from the CRM): they never mean the request was refused. */
export const TransportCode = {
  network: 'NETWORK',
  timeout: 'TIMEOUT',
  badReply: 'BAD_REPLY',
} as const;

export function isCrmError(error: unknown, ...kinds: CrmErrorKind[]): error is CrmError {
  return error instanceof CrmError && (kinds.length === 0 || kinds.includes(error.kind));
}
