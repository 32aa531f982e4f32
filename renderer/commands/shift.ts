import { t } from '../i18n';
import { errorMessage } from '../errors';
import { addAudit } from '../storage/audit';
import { CLOSE_SHIFT, CLOSE_SHIFT_TOKEN, shiftSummary, type ShiftSummary } from '../storage/shiftSummary';
import type { CommandDeps } from './deps';

/**
 * "Close shift": the summary as it stands and the shift-closed row that ends it, in one transaction
 * (so nothing done meanwhile falls between two shifts); then this operator is signed out. The row is
 * what the next summary counts from, so a failed sign-out says the shift is closed all the same.
 */
export async function closeShift(deps: Pick<CommandDeps, 'db' | 'now'>, signOut: () => Promise<void>): Promise<ShiftSummary> {
  const { db } = deps;
  const summary = await db.transaction('rw', [db.audit, db.outbox], async () => {
    const current = await shiftSummary(db, deps.now());
    await addAudit(db, CLOSE_SHIFT_TOKEN, { action: CLOSE_SHIFT, what: { kind: 'shiftClosed', counter: current.counter, operators: current.operators }, outcome: 'local' }, current.until);
    return current;
  });
  try {
    await signOut();
  } catch (error) {
    throw new Error(t('shift.signOutFailed', { reason: errorMessage(error) }), { cause: error });
  }
  return summary;
}
