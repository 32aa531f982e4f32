import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TokenDeskDatabase } from '../../../renderer/storage/database';
import { applyServerTokens } from '../../../renderer/storage/serverCopies';
import { stockCount } from '../../../renderer/storage/queries';
import { LocalChangeError } from '../../../renderer/refusals';
import { handOutStock } from '../../../renderer/commands/tokenWrites';
import { handedOutCount, stockOnHand } from '../../../renderer/storage/queries';
import { rowsOf } from '../../../renderer/outbox';
import { topUpStock } from '../../../renderer/sync/downstream';
import { fakeMain } from '../sync/fakeMain';
import { closeTestDb, openTestDb, serverToken } from '../support';

let db: TokenDeskDatabase;
beforeEach(() => {
  db = openTestDb();
});
afterEach(() => closeTestDb(db));

const loose = (n: number) =>
  serverToken({ id: `S${n}`.padEnd(32, '0'), number: `70${n}`, authenticationCode: `STOCK${n}ABCDEFGHJ`, identifier: null, participant: null });

async function stocked(count: number) {
  await applyServerTokens(db, Array.from({ length: count }, (_, i) => loose(i + 1)), 1_000, { stock: true });
  return stockOnHand(db, 10);
}

describe('handOutStock', () => {
  it('hands a stock token out here only: stock 2, an audit row, nothing queued', async () => {
    const [first] = await stocked(3);
    const handed = await handOutStock(db, first!.localId, null, 5_000);
    expect(handed).toMatchObject({ stock: 2, updatedAt: 5_000, identifier: null });
    expect(await stockCount(db)).toBe(2);
    expect(await handedOutCount(db)).toBe(1);
    expect(await rowsOf(db, first!.localId)).toEqual([]);
    expect((await db.audit.toArray()).map((row) => [row.action, row.outcome])).toEqual([['handOut', 'local']]);
    // A later read of the CRM's stock does not put it back in stock.
    await applyServerTokens(db, [loose(1)], 6_000, { stock: true });
    expect(await db.tokens.get(first!.localId)).toMatchObject({ stock: 2 });
  });

  it('with an identifier and pass code, queues the update in the same transaction', async () => {
    const [first] = await stocked(1);
    const handed = await handOutStock(db, first!.localId, { identifier: 'STOCK0001', sealedPassCode: 'sealed' }, 5_000);
    expect(handed).toMatchObject({ stock: 2, identifier: 'STOCK0001', syncStatus: 'pending' });
    const [row] = await rowsOf(db, first!.localId);
    expect(row?.op).toMatchObject({ kind: 'update', identifier: 'STOCK0001', sealedPassCode: 'sealed', authenticationCode: first!.authenticationCode });
  });

  it('refuses a token that is not (or no longer) in stock, and a refused identifier leaves it in stock', async () => {
    const [first, second] = await stocked(2);
    await handOutStock(db, first!.localId, null, 5_000);
    await expect(handOutStock(db, first!.localId, null, 5_100)).rejects.toThrow('no longer in stock');
    await expect(handOutStock(db, second!.localId, { identifier: 'x', sealedPassCode: 's' }, 5_200)).rejects.toBeInstanceOf(LocalChangeError);
    expect(await db.tokens.get(second!.localId)).toMatchObject({ stock: 1 });
    expect(await db.audit.count()).toBe(1);
  });
});

describe('topUpStock', () => {
  it('asks for as many more as were handed out (the CRM lists the oldest not-associated first) and says what happened', async () => {
    const main = fakeMain();
    main.notAssociated.push(...[1, 2, 3, 4].map(loose));
    const deps = { db, api: main.api, now: () => 10_000 };
    expect(await topUpStock(deps, { stockLevel: 2, stockRetryMs: 0 })).toEqual({ added: 2, crm: 'ok' });
    const [first] = await stockOnHand(db, 1);
    await handOutStock(db, first!.localId, null, 11_000);
    expect(await topUpStock(deps, { stockLevel: 2, stockRetryMs: 0 })).toEqual({ added: 1, crm: 'ok' });
    const asked = main.calls.filter((call) => call.channel === 'fetchStock').map((call) => call.payload);
    expect(asked).toEqual([{ count: 2 }, { count: 3 }]);
    expect(await stockCount(db)).toBe(2);
    expect(await topUpStock(deps, { stockLevel: 2, stockRetryMs: 0 })).toEqual({ added: 0, crm: null });
  });
});
