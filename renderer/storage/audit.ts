import { auditRecord } from '../auditText';
import type { AuditWhat } from './auditWhat';
import type { TokenDeskDatabase } from './database';
import type { AuditBy, AuditOutcome, AuditRow } from './rows';

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/**
 * Records who did what at this counter and how it ended, as data and (in `detail`) in English; inside the caller's transaction. `by` defaults
 * to the operator signed in now; a sync outcome passes whoever queued the change.
 */
export async function addAudit(
  db: TokenDeskDatabase,
  tokenLocalId: string,
  entry: { action: string; what: AuditWhat; outcome: AuditOutcome },
  now: number,
  by: AuditBy = { operator: db.actor.operator },
): Promise<void> {
  const { operator, approvedBy = null } = by;
  await db.audit.add({
    at: now,
    tokenLocalId,
    ...entry,
    detail: auditRecord(entry.what),
    operator: operator?.name ?? null,
    operatorId: operator?.id ?? null,
    ...(approvedBy ? { approvedBy: approvedBy.name, approvedById: approvedBy.id } : {}),
    terminal: orNull(db.actor.terminalName),
  });
}

/** A token's history at this counter, newest first (index read, at most `limit` rows). */
export function tokenHistory(db: TokenDeskDatabase, tokenLocalId: string, limit: number): Promise<AuditRow[]> {
  return db.audit.where('tokenLocalId').equals(tokenLocalId).reverse().limit(limit).toArray();
}
