import { isDuplicateIdentifier, isRefusedParticipant, isRefusedVerification } from '../outbox';
import type { SentRow } from '../storage/rows';
import { ConflictChoice, FixIdentifier, FixParticipant, FixVerificationCode, RetryParked, type OnDecided } from './RowActions';

/**
 * The fix for one stuck row: choose in a conflict, a new identifier for a duplicate, another participant
 * (or none) for a refused one, the code again for a refused verification, else retry (or discard).
 */
export function RowFix({ row, onDecided }: { row: SentRow; onDecided: OnDecided }) {
  if (row.status === 'conflict') return <ConflictChoice row={row} onDecided={onDecided} />;
  if (isDuplicateIdentifier(row)) return <FixIdentifier key={row.seq} row={row} onDecided={onDecided} />;
  if (isRefusedParticipant(row)) return <FixParticipant key={row.seq} row={row} onDecided={onDecided} />;
  if (isRefusedVerification(row)) return <FixVerificationCode key={row.seq} row={row} onDecided={onDecided} />;
  return <RetryParked row={row} onDecided={onDecided} />;
}
