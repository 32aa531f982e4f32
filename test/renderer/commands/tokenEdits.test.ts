import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { editIdentifier, regenerateCode, switchState, type CommandDeps } from '../../../renderer/commands';
import type { TokenDeskDatabase } from '../../../renderer/storage/database';
import { closeTestDb, fakeSeal, issueSynced, openTestDb } from '../support';

let db: TokenDeskDatabase;
let deps: CommandDeps;
let sealed: string[];
beforeEach(() => {
  db = openTestDb();
  sealed = [];
  const api = {
    sealSecret: async (request: { plaintext: string }) => {
      sealed.push(request.plaintext);
      return fakeSeal(request);
    },
  };
  deps = { db, api, now: () => 7_000, random: (buffer) => buffer.fill(7) };
});
afterEach(() => closeTestDb(db));

describe('token commands', () => {
  it('edit identifier: checks the pass code against the definition before sealing it; refused, nothing is sealed or written', async () => {
    const token = await issueSynced(db);
    const before = await db.outbox.count();
    await expect(editIdentifier(deps, token, 'CARD0009', 'ab')).rejects.toMatchObject({ name: 'LocalChangeError', field: 'passCode' });
    expect(sealed).toEqual([]);
    expect(await db.outbox.count()).toBe(before);
  });

  it('edit identifier: the same identifier (spaces trimmed) queues a pass code change; a new one queues both, sealed', async () => {
    const token = await issueSynced(db);
    await editIdentifier(deps, token, ` ${token.identifier} `, '1234');
    const fresh = await db.tokens.get(token.localId);
    await editIdentifier(deps, fresh!, 'CARD0009', '5678');
    const ops = (await db.outbox.orderBy('seq').toArray()).map((row) => row.op);
    expect(ops).toMatchObject([
      { kind: 'update', identifier: token.identifier, sealedPassCode: fakeSeal({ plaintext: '1234' }).sealed },
      { kind: 'update', identifier: 'CARD0009', sealedPassCode: fakeSeal({ plaintext: '5678' }).sealed },
    ]);
    expect(sealed).toEqual(['1234', '5678']);
  });

  it('regenerate: a new code made by the definition’s rule; switch: the other state, both queued', async () => {
    const token = await issueSynced(db);
    const regenerated = await regenerateCode(deps, token.localId);
    expect(regenerated.authenticationCode).not.toBe(token.authenticationCode);
    const switched = await switchState(deps, token.localId, 'NOT_EFFECTIVE');
    expect(switched).toMatchObject({ lifeCycleState: 'NOT_EFFECTIVE', updatedAt: 7_000 });
    expect((await db.outbox.toArray()).map((row) => row.op.kind)).toEqual(['update', 'setState']);
  });
});
