import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../context';
import { isDuplicateIdentifier, rowsOf } from '../outbox';
import type { SentRow } from '../storage/rows';
import { ConflictChoice, FixIdentifier, RetryParked } from './RowActions';

/** What the operator can do about this token's first change that the CRM did not take. */
export function TokenSyncActions({ localId }: { localId: string }) {
  const { db } = useServices();
  const rows = useLiveQuery(() => rowsOf(db, localId), [db, localId]);
  const stuck = rows?.find((row) => row.status !== 'pending');
  return stuck ? <RowFix row={stuck} /> : null;
}

/** The fix for one stuck row: choose in a conflict, a new identifier for a duplicate, else retry (or discard). */
export function RowFix({ row }: { row: SentRow }) {
  if (row.status === 'conflict') return <ConflictChoice row={row} />;
  if (isDuplicateIdentifier(row)) return <FixIdentifier key={row.seq} row={row} />;
  return <RetryParked row={row} />;
}
