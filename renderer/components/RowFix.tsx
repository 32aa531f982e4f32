import { isDuplicateIdentifier, isRefusedVerification } from '../outbox';
import type { SentRow } from '../storage/rows';
import { ConflictChoice, FixIdentifier, FixVerificationCode, RetryParked } from './RowActions';

/** The fix for one stuck row: choose in a conflict, a new identifier for a duplicate, the code again for a refused verification, else retry (or discard). */
export function RowFix({ row }: { row: SentRow }) {
  if (row.status === 'conflict') return <ConflictChoice row={row} />;
  if (isDuplicateIdentifier(row)) return <FixIdentifier key={row.seq} row={row} />;
  if (isRefusedVerification(row)) return <FixVerificationCode key={row.seq} row={row} />;
  return <RetryParked row={row} />;
}
