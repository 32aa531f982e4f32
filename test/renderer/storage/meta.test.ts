import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITION } from '../../../shared/token/defaultDefinition';
import type { TokenDeskDatabase } from '../../../renderer/storage/database';
import { readDefinition, readLastSync, writeDefinition, writeLastSync } from '../../../renderer/storage/meta';
import { closeTestDb, openTestDb } from '../support';

let db: TokenDeskDatabase;
beforeEach(() => {
  db = openTestDb();
});
afterEach(() => closeTestDb(db));

describe('meta', () => {
  it('uses the default definition until one is stored', async () => {
    expect(await readDefinition(db)).toEqual(DEFAULT_DEFINITION);
    const custom = { ...DEFAULT_DEFINITION, name: 'Counter cards', allowWithoutIdentifier: false };
    await writeDefinition(db, custom);
    expect(await readDefinition(db)).toEqual(custom);
  });

  it('falls back to the default when the stored definition is malformed', async () => {
    await db.meta.put({ key: 'definition', value: { name: 'broken' } });
    expect(await readDefinition(db)).toEqual(DEFAULT_DEFINITION);
  });

  it('remembers the last sync time', async () => {
    expect(await readLastSync(db)).toBeNull();
    await writeLastSync(db, 123_456);
    expect(await readLastSync(db)).toBe(123_456);
    await db.meta.put({ key: 'lastSync', value: 'yesterday' });
    expect(await readLastSync(db)).toBeNull();
  });
});

describe('schema', () => {
  it('is version 5 with the documented tables and indexes', async () => {
    await db.open();
    expect(db.verno).toBe(5);
    const tokens = db.table('tokens').schema;
    expect(tokens.primKey.name).toBe('localId');
    expect(tokens.idxByName.authenticationCode?.unique).toBe(true);
    expect(Object.keys(tokens.idxByName).sort()).toEqual(
      [
        'authenticationCode',
        'identifier',
        'lifeCycleState',
        'number',
        'participantNumber',
        'syncStatus',
        'updatedAt',
        'confirmedAt',
        'stock',
        'serverId',
        'searchKeys',
      ].sort(),
    );
    expect(db.table('outbox').schema.primKey).toMatchObject({ name: 'seq', auto: true });
    expect(db.tables.map((table) => table.name).sort()).toEqual(['audit', 'meta', 'outbox', 'queueCounts', 'tokens']);
  });
});
