import type { TokenDeskDatabase } from './database';
import type { AuditOutcome, AuditRow } from './rows';

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** Records who did what at this counter and how it ended; inside the caller's transaction. */
export async function addAudit(
  db: TokenDeskDatabase,
  tokenLocalId: string,
  entry: { action: string; detail: string; outcome: AuditOutcome },
  now: number,
): Promise<void> {
  const { operatorName, terminalName } = db.actor;
  await db.audit.add({ at: now, tokenLocalId, ...entry, operator: orNull(operatorName), terminal: orNull(terminalName) });
}

/** A token's history at this counter, newest first (index read, at most `limit` rows). */
export function tokenHistory(db: TokenDeskDatabase, tokenLocalId: string, limit: number): Promise<AuditRow[]> {
  return db.audit.where('tokenLocalId').equals(tokenLocalId).reverse().limit(limit).toArray();
}
