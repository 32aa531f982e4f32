import { auditRecord } from '../auditText';
import type { AuditWhat } from './auditWhat';
import type { TokenDeskDatabase } from './database';
import type { AuditBy, AuditOutcome, AuditRow } from './rows';

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

export interface AuditEntry {
  tokenLocalId: string;
  action: string;
  what: AuditWhat;
  outcome: AuditOutcome;
  /** Defaults to the operator signed in now; a sync outcome passes whoever queued the change. */
  by?: AuditBy;
}

/** Records who did what at this counter and how it ended, as data and (in `detail`) in English; inside the caller's transaction, in the order given. */
export async function addAudits(db: TokenDeskDatabase, entries: readonly AuditEntry[], now: number): Promise<void> {
  const terminal = orNull(db.actor.terminalName);
  await db.audit.bulkAdd(
    entries.map(({ by = { operator: db.actor.operator }, ...entry }) => {
      const { operator, approvedBy = null } = by;
      return {
        at: now,
        ...entry,
        detail: auditRecord(entry.what),
        operator: operator?.name ?? null,
        operatorId: operator?.id ?? null,
        ...(approvedBy ? { approvedBy: approvedBy.name, approvedById: approvedBy.id } : {}),
        terminal,
      };
    }),
  );
}

/** One entry (see `addAudits`). */
export function addAudit(
  db: TokenDeskDatabase,
  tokenLocalId: string,
  entry: Omit<AuditEntry, 'tokenLocalId' | 'by'>,
  now: number,
  by?: AuditBy,
): Promise<void> {
  return addAudits(db, [{ tokenLocalId, ...entry, ...(by ? { by } : {}) }], now);
}

/** A token's history at this counter, newest first (index read, at most `limit` rows). */
export function tokenHistory(db: TokenDeskDatabase, tokenLocalId: string, limit: number): Promise<AuditRow[]> {
  return db.audit.where('tokenLocalId').equals(tokenLocalId).reverse().limit(limit).toArray();
}
