import { Dexie } from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { TokenDeskDatabase } from '../../../renderer/storage/database';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4 } from '../../../renderer/storage/migrations';
import { searchKeysOf } from '../../../renderer/storage/searchKeys';
import { findTokens } from '../../../renderer/storage/queries';
import { applyResults, queueStats, takeBatch } from '../../../renderer/outbox';
import type { OutboxStatus } from '../../../renderer/storage/rows';
import { doneResult } from '../support';

/** The database exactly as version 1 of the app opened it. */
class V1Database extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
  }
}

const name = `token-desk-migration-${Math.random().toString(36).slice(2)}`;
let opened: Array<{ close: () => void }> = [];
afterEach(async () => {
  for (const db of opened) db.close();
  opened = [];
  await Dexie.delete(name);
});

/** Rows as v1 wrote them: no stock flag, no backoff, lease or conflicts, switches without a base. */
const v1Token = {
  localId: 'local-1',
  serverId: 'S1',
  number: '1001',
  identifier: 'CARD0001',
  authenticationCode: 'CODE0001ABCDEFGH',
  lifeCycleState: 'NOT_EFFECTIVE',
  participantNumber: null,
  participant: null,
  classificationName: null,
  serverCreatedDate: '2024-05-01T10:00:00',
  serverUpdatedDate: '2024-05-02T11:00:00',
  createdBy: 'counter1',
  updatedBy: 'counter1',
  confirmedAt: 5_000,
  syncStatus: 'pending',
  lastError: null,
  createdAt: 1_000,
  updatedAt: 6_000,
};
const v1Rows = [
  {
    tokenLocalId: 'local-1',
    status: 'pending',
    attempts: 1,
    createdAt: 6_000,
    lastTriedAt: 7_000,
    lastError: { code: 'NETWORK', message: 'down' },
    op: { kind: 'setState', authenticationCode: 'CODE0001ABCDEFGH', target: 'NOT_EFFECTIVE' },
  },
  {
    tokenLocalId: 'local-2',
    status: 'parked',
    attempts: 1,
    createdAt: 6_500,
    lastTriedAt: 7_000,
    lastError: { code: 'X', message: 'refused' },
    op: { kind: 'create', authenticationCode: 'CODE0002ABCDEFGH', identifier: 'CARD0002', sealedPassCode: 'sealed', participantNumber: null },
  },
];

describe('schema v1 → current', () => {
  it('keeps every v1 row and fills what v2, v3, v4 and v5 add', async () => {
    const v1 = new V1Database(name);
    opened.push(v1);
    await v1.table('tokens').bulkAdd([v1Token, { ...v1Token, localId: 'local-2', authenticationCode: 'CODE0002ABCDEFGH', serverId: null, confirmedAt: null }]);
    await v1.table('outbox').bulkAdd(v1Rows);
    await v1.table('meta').put({ key: 'lastSync', value: 7_000 });
    await v1.table('audit').add({ at: 6_000, tokenLocalId: 'local-1', action: 'setState', detail: 'Set not effective', outcome: 'queued' });
    expect(v1.verno).toBe(1);
    v1.close();

    const db = new TokenDeskDatabase(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(5);

    expect(await db.tokens.get('local-1')).toEqual({ ...v1Token, stock: 0, searchKeys: searchKeysOf(v1Token) });
    expect(await db.tokens.count()).toBe(2);
    const [switchRow, createRow] = await db.outbox.orderBy('seq').toArray();
    expect(switchRow).toEqual({
      ...v1Rows[0],
      seq: 1,
      nextTryAt: 0,
      leaseUntil: 0,
      leaseOwner: null,
      conflicts: null,
      op: {
        ...v1Rows[0]!.op,
        // What the counter believed before the switch: the CRM's last date, and the opposite state.
        base: { updatedDate: '2024-05-02T11:00:00', lifeCycleState: 'EFFECTIVE', identifier: 'CARD0001' },
      },
    });
    expect(createRow).toEqual({ ...v1Rows[1], seq: 2, nextTryAt: 0, leaseUntil: 0, leaseOwner: null, conflicts: null });
    expect(await db.meta.get('lastSync')).toEqual({ key: 'lastSync', value: 7_000 });
    expect(await queueStats(db)).toEqual({ pending: 1, parked: 1, conflicts: 0, oldestPendingAt: 6_000 });
    expect(await db.audit.count()).toBe(1);

    // The new indexes answer at once, and the upgraded switch is sendable under the new contract.
    expect(await db.tokens.where('stock').equals(0).count()).toBe(2);
    expect((await db.tokens.orderBy('confirmedAt').toArray()).map((t) => t.localId)).toEqual(['local-1']);
    const [op] = await takeBatch(db, 10, 8_000);
    expect(op).toMatchObject({ seq: 1, kind: 'setState', attempt: 2, base: { lifeCycleState: 'EFFECTIVE' } });
  });

  it('opens an empty v1 database as the current version', async () => {
    const v1 = new V1Database(name);
    opened.push(v1);
    await v1.open();
    v1.close();
    const db = new TokenDeskDatabase(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.outbox.count()).toBe(0);
  });
});

/** The database exactly as version 2 of the app opened it. */
class V2Database extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
  }
}

describe('schema v2 → current', () => {
  it('fills the search keys, so Find matches old rows ignoring case', async () => {
    const v2 = new V2Database(name);
    opened.push(v2);
    await v2.table('tokens').bulkAdd([
      { ...v1Token, stock: 0, authenticationCode: 'replace', identifier: 'Card-Mixed' },
      { ...v1Token, localId: 'local-2', stock: 1, authenticationCode: 'CODE0002ABCDEFGH', identifier: null },
    ]);
    v2.close();

    const db = new TokenDeskDatabase(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.tokens.get('local-1')).toMatchObject({ authenticationCode: 'replace', searchKeys: expect.arrayContaining([['REPLACE', 0]]) });
    expect(await db.tokens.get('local-2')).toMatchObject({ searchKeys: expect.arrayContaining([['CODE0002ABCDEFGH', 0]]) });
    expect(await db.tokens.get('local-2')).not.toHaveProperty('codeKey');
    expect((await findTokens(db, 'REPLACE')).map((t) => t.localId)).toEqual(['local-1']);
    expect((await findTokens(db, 'card-m')).map((t) => t.localId)).toEqual(['local-1']);
  });
});

/** The database exactly as version 3 of the app opened it: upper-case copies of code and identifier. */
class V3Database extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
    this.version(3).stores(SCHEMA_V3);
  }
}

describe('schema v3 → current', () => {
  it('replaces the code and identifier copies with one search-key index, and Find answers from it', async () => {
    const v3 = new V3Database(name);
    opened.push(v3);
    const participant = { id: 'P1', number: '777', accountNumber: 'ACC-9', accountName: 'Home', ownerName: 'Maria Papadópoulou' };
    await v3.table('tokens').bulkAdd([
      { ...v1Token, stock: 0, codeKey: 'CODE0001ABCDEFGH', identifierKey: 'CARD0001', participant, participantNumber: '777' },
      { ...v1Token, localId: 'local-2', number: '1002', authenticationCode: 'CODE0002ABCDEFGH', codeKey: 'CODE0002ABCDEFGH', identifier: null, identifierKey: null, stock: 1 },
    ]);
    v3.close();

    const db = new TokenDeskDatabase(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(5);
    const upgraded = await db.tokens.get('local-1');
    expect(upgraded).not.toHaveProperty('codeKey');
    expect(upgraded).not.toHaveProperty('identifierKey');
    expect(db.table('tokens').schema.idxByName.searchKeys?.multi).toBe(true);
    const find = async (text: string) => (await findTokens(db, text)).map((t) => t.localId);
    expect(await find('code0002abcdefgh')).toEqual(['local-2']);
    expect(await find('1002')).toEqual(['local-2']);
    expect(await find('card')).toEqual(['local-1']);
    expect(await find('papadopoulou')).toEqual(['local-1']);
    expect(await find('acc-9')).toEqual(['local-1']);
    expect(await find('777')).toEqual(['local-1']);
  });
});

describe('schema v3 → v4 queue counts', () => {
  it('counts any v3 queue afresh, and the counts then follow the queue', async () => {
    const statuses: OutboxStatus[] = ['pending', 'parked', 'conflict'];
    const queued = fc.array(fc.record({ status: fc.constantFrom(...statuses), createdAt: fc.nat({ max: 10_000 }), gone: fc.boolean() }), { maxLength: 12 });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(queued, async (rows) => {
        run += 1;
        const v3 = new V3Database(`${name}-${run}`);
        opened.push(v3);
        await v3.table('tokens').bulkAdd(rows.map((_, i) => ({ ...v1Token, localId: `local-${i}`, authenticationCode: `CODE${String(i).padStart(4, '0')}ABCDEFGH`, stock: 0 })));
        const seqs = await v3.table('outbox').bulkAdd(
          rows.map(({ status, createdAt }, i) => ({ ...v1Rows[0], tokenLocalId: `local-${i}`, op: { ...v1Rows[0]!.op, authenticationCode: `CODE${String(i).padStart(4, '0')}ABCDEFGH`, base: { updatedDate: null, lifeCycleState: 'EFFECTIVE', identifier: null } }, status, createdAt, nextTryAt: 0, leaseUntil: 0, leaseOwner: null, conflicts: null })),
          { allKeys: true },
        );
        // Rows already sent leave gaps in the queue numbers, as they do in a counter's database.
        await v3.table('outbox').bulkDelete(seqs.filter((_, i) => rows[i]!.gone));
        v3.close();

        const db = new TokenDeskDatabase(`${name}-${run}`);
        opened.push(db);
        await db.open();
        const recount = async () => {
          const pending = (await db.outbox.toArray()).filter((row) => row.status === 'pending');
          const count = (status: OutboxStatus) => db.outbox.where('status').equals(status).count();
          return { pending: pending.length, parked: await count('parked'), conflicts: await count('conflict'), oldestPendingAt: pending[0]?.createdAt ?? null };
        };
        expect(await queueStats(db)).toEqual(await recount());
        const ops = await takeBatch(db, 3, 20_000, { force: true });
        await applyResults(db, ops.map((op) => doneResult(op)), 20_000);
        expect(await queueStats(db)).toEqual(await recount());
        db.close();
        await db.delete();
      }),
      { numRuns: 25 },
    );
  });
});

/** The database exactly as version 4 of the app opened it. */
class V4Database extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
    this.version(3).stores(SCHEMA_V3);
    this.version(4).stores(SCHEMA_V4);
  }
}

/** Search keys as v4 wrote them: the exact texts, then an entry for each shorter prefix of the identifier not already a text. */
function v4Keys(code: string, number: string, identifier: string, person: string[]): unknown[] {
  const texts = [code, number, identifier, ...person];
  const prefixes = Array.from({ length: identifier.length - 1 }, (_, i) => identifier.slice(0, i + 1)).filter((text) => !texts.includes(text));
  return [[code, 0], [number, 1], [identifier, 2], ...person.map((text) => [text, 3]), ...prefixes.map((text) => [text, 4, identifier])];
}

describe('schema v4 → v5', () => {
  it('rewrites every token\'s search keys with shorter prefix entries, and Find answers as before', async () => {
    const v4 = new V4Database(name);
    opened.push(v4);
    const participant = { id: 'P1', number: '777', accountNumber: 'ACC-9', accountName: 'Home', ownerName: 'Maria Papadópoulou' };
    const first = { ...v1Token, stock: 0, participant, participantNumber: '777', identifier: 'CARD0001' };
    const second = { ...v1Token, localId: 'local-2', number: '1002', authenticationCode: 'CARD', identifier: 'CARD0002', stock: 0 };
    await v4.table('tokens').bulkAdd([
      { ...first, searchKeys: v4Keys('CODE0001ABCDEFGH', '1001', 'CARD0001', ['777', 'ACC-9', 'MARIA', 'PAPADOPOULOU']) },
      { ...second, searchKeys: v4Keys('CARD', '1002', 'CARD0002', []) },
    ]);
    v4.close();

    const db = new TokenDeskDatabase(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(5);
    expect((await db.tokens.get('local-1'))?.searchKeys).toEqual(searchKeysOf(first));
    expect((await db.tokens.get('local-2'))?.searchKeys).toEqual(searchKeysOf(second));
    // The index holds the new entries only.
    const entries = await db.tokens.where('searchKeys').between(Dexie.minKey, Dexie.maxKey).count();
    expect(entries).toBe(searchKeysOf(first).length + searchKeysOf(second).length);
    expect(await db.tokens.where('searchKeys').equals(['CARD', 4, 'CARD0001']).count()).toBe(0);
    expect(await db.tokens.where('searchKeys').equals(['CARD', '0001']).count()).toBe(1);
    const find = async (text: string) => (await findTokens(db, text)).map((t) => t.localId);
    expect(await find('card')).toEqual(['local-2', 'local-1']);
    expect(await find('card000')).toEqual(['local-1', 'local-2']);
    expect(await find('card0002')).toEqual(['local-2']);
    expect(await find('c')).toEqual(['local-1', 'local-2']);
    expect(await find('papadopoulou')).toEqual(['local-1']);
    expect(await find('papa')).toEqual([]);
    expect(await find('code0001')).toEqual([]);
  });
});

describe('an upgrade of a large counter', () => {
  it('tells the window how far its rewrite of every token is, up to all of them', async () => {
    const v4 = new V4Database(name);
    opened.push(v4);
    const count = 2_500;
    await v4.table('tokens').bulkAdd(
      Array.from({ length: count }, (_, i) => ({ ...v1Token, localId: `local-${i}`, number: String(10_000 + i), authenticationCode: `CODE${i}`, identifier: `CARD${i}`, stock: 0 })),
    );
    v4.close();

    const db = new TokenDeskDatabase(name);
    opened.push(db);
    const told: Array<[number, number]> = [];
    db.upgradeProgress = (done, total) => told.push([done, total]);
    await db.open();
    expect(db.verno).toBe(5);
    expect(told[0]).toEqual([0, count]);
    expect(told.at(-1)).toEqual([count, count]);
    expect(told.map(([done]) => done)).toEqual([...told.map(([done]) => done)].sort((a, b) => a - b));
    expect(told.length).toBeGreaterThanOrEqual(4);
  });
});
