import type { TokenDeskDatabase } from './database';
import { addAudit } from './audit';
import { editToken, LocalChangeError } from './localChanges';
import { HANDED_OUT, IN_STOCK, type TokenRow } from './rows';

/** An identifier with its pass code (sealed by main) to give a stock token as it is handed out. */
export interface HandOutIdentity {
  identifier: string;
  sealedPassCode: string;
}

/** Stock tokens on hand, by index, at most `limit`. */
export function stockOnHand(db: TokenDeskDatabase, limit: number): Promise<TokenRow[]> {
  return db.tokens.where('stock').equals(IN_STOCK).limit(limit).toArray();
}

/** Stock tokens this counter has handed out (still not associated in the CRM). */
export function handedOutCount(db: TokenDeskDatabase): Promise<number> {
  return db.tokens.where('stock').equals(HANDED_OUT).count();
}

/**
 * Hands a not-associated stock token to a customer. The CRM cannot link an existing token to a
 * participant, nor reserve it, so this is recorded here (stock 2, an audit row) and nothing is sent,
 * unless the customer gets an identifier and pass code: that is a queued update, in the same transaction.
 */
export function handOutStock(db: TokenDeskDatabase, localId: string, identity: HandOutIdentity | null, now: number): Promise<TokenRow> {
  return db.transaction('rw', [db.tokens, db.outbox, db.audit, db.meta], async () => {
    const token = await db.tokens.get(localId);
    if (!token || token.stock !== IN_STOCK) throw new LocalChangeError('This token is no longer in stock; pick another.');
    await db.tokens.put({ ...token, stock: HANDED_OUT, updatedAt: now });
    await addAudit(db, localId, { action: 'handOut', detail: `Handed out ${token.authenticationCode} from stock`, outcome: 'local' }, now);
    if (identity !== null) await editToken(db, localId, identity, now);
    const handed = await db.tokens.get(localId);
    if (!handed) throw new LocalChangeError('This token is not in the local cache.');
    return handed;
  });
}
