import type { TokenDeskDatabase } from './database';
import type { AuditOutcome } from './rows';

/** Records who did what at this counter and how it ended; inside the caller's transaction. */
export async function addAudit(
  db: TokenDeskDatabase,
  tokenLocalId: string,
  entry: { action: string; detail: string; outcome: AuditOutcome },
  now: number,
): Promise<void> {
  await db.audit.add({ at: now, tokenLocalId, ...entry });
}
