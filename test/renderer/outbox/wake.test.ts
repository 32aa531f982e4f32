import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { issueToken } from '../../../renderer/commands/tokenWrites';
import { enqueue, watchEnqueued } from '../../../renderer/outbox';
import type { TokenDeskDatabase } from '../../../renderer/storage/database';
import { closeTestDb, issue, issueInput, openTestDb } from '../support';

let db: TokenDeskDatabase;
let wakes: number;
let stop: () => void;
beforeEach(() => {
  db = openTestDb();
  wakes = 0;
  stop = watchEnqueued(db, () => {
    wakes += 1;
  });
});
afterEach(() => {
  stop();
  return closeTestDb(db);
});

describe('an enqueue wakes the scheduler', () => {
  it('once its transaction has committed, with the row already readable', async () => {
    let pendingSeen = -1;
    stop();
    stop = watchEnqueued(db, () => {
      wakes += 1;
      void db.outbox.count().then((n) => (pendingSeen = n));
    });
    await issue(db);
    expect(wakes).toBe(1);
    await expect.poll(() => pendingSeen).toBe(1);
  });

  it('not when the transaction rolls back', async () => {
    const failing = db.transaction('rw', db.tokens, db.outbox, db.audit, async () => {
      await enqueue(db, 'some-token', { kind: 'setState', authenticationCode: 'X', base: { updatedDate: null, lifeCycleState: 'EFFECTIVE', identifier: null }, target: 'NOT_EFFECTIVE' }, 1);
      throw new Error('the audit write failed');
    });
    await expect(failing).rejects.toThrow('the audit write failed');
    expect(await db.outbox.count()).toBe(0);
    expect(wakes).toBe(0);
  });

  it('not for a change that must wait behind a stuck one of its token; a refused write wakes nobody either', async () => {
    const token = await issue(db);
    expect(wakes).toBe(1);
    await db.outbox.update(1, { status: 'parked', lastError: { code: 'REFUSED', message: 'no' } });
    await enqueue(db, token.localId, { kind: 'setState', authenticationCode: token.authenticationCode, base: { updatedDate: null, lifeCycleState: 'EFFECTIVE', identifier: null }, target: 'NOT_EFFECTIVE' }, 2);
    expect(wakes).toBe(1);
    await expect(issueToken(db, issueInput({ authenticationCode: token.authenticationCode }), 3)).rejects.toThrow(/already used/);
    expect(wakes).toBe(1);
  });

  it('stops waking a listener once it unsubscribed', async () => {
    stop();
    await issue(db);
    expect(wakes).toBe(0);
  });
});
