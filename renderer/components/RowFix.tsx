import { isDuplicateIdentifier, isRefusedParticipant } from '../outbox';
import type { SentRow } from '../storage/rows';
import { ConflictChoice, FixIdentifier, FixParticipant, RetryParked } from './RowActions';

/** The fix for one stuck row: choose in a conflict, a new identifier for a duplicate, another participant (or none) for a refused one, else retry (or discard). */
export function RowFix({ row }: { row: SentRow }) {
  if (row.status === 'conflict') return <ConflictChoice row={row} />;
  if (isDuplicateIdentifier(row)) return <FixIdentifier key={row.seq} row={row} />;
  if (isRefusedParticipant(row)) return <FixParticipant key={row.seq} row={row} />;
  return <RetryParked row={row} />;
}
