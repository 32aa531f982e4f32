import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TokenDeskDatabase } from '../../../renderer/storage/database';
import { findTokens, recentTokens } from '../../../renderer/storage/queries';
import { closeTestDb, issue, openTestDb } from '../support';

let db: TokenDeskDatabase;
beforeEach(async () => {
  db = openTestDb();
  const a = await issue(db, { authenticationCode: 'AAAA1111BBBB2222', identifier: 'CARD0001' }, 1_000);
  await issue(db, { authenticationCode: 'CCCC3333DDDD4444', identifier: 'CARD0002' }, 2_000);
  await issue(db, { authenticationCode: 'EEEE5555FFFF6666', identifier: 'VIP0001' }, 3_000);
  await issue(db, { authenticationCode: 'GGGG7777HHHH8888', identifier: null, sealedPassCode: null }, 4_000);
  await db.tokens.update(a.localId, { number: '4711' });
});
afterEach(() => closeTestDb(db));

const codes = async (text: string, limit?: number) => (await findTokens(db, text, limit)).map((t) => t.authenticationCode);

describe('findTokens', () => {
  it('finds an exact authentication code, ignoring case and surrounding spaces', async () => {
    expect(await codes('CCCC3333DDDD4444')).toEqual(['CCCC3333DDDD4444']);
    expect(await codes('  cccc3333dddd4444 ')).toEqual(['CCCC3333DDDD4444']);
    expect(await codes('CCCC3333')).toEqual([]);
  });

  it('finds an exact number', async () => {
    expect(await codes('4711')).toEqual(['AAAA1111BBBB2222']);
    expect(await codes('471')).toEqual([]);
  });

  it('finds identifiers by prefix', async () => {
    expect(await codes('CARD')).toEqual(['AAAA1111BBBB2222', 'CCCC3333DDDD4444']);
    expect(await codes('card0002')).toEqual(['CCCC3333DDDD4444']);
    expect(await codes('VIP')).toEqual(['EEEE5555FFFF6666']);
  });

  it('returns nothing for no match or an empty query', async () => {
    expect(await codes('NOPE')).toEqual([]);
    expect(await codes('   ')).toEqual([]);
  });

  it('returns at most limit rows, each once', async () => {
    expect(await codes('CARD', 1)).toEqual(['AAAA1111BBBB2222']);
    await db.tokens.where('identifier').equals('VIP0001').modify({ number: 'VIP0001' });
    expect(await codes('VIP0001')).toEqual(['EEEE5555FFFF6666']);
  });
});

describe('recentTokens', () => {
  it('lists the most recently changed tokens first', async () => {
    expect((await recentTokens(db, 2)).map((t) => t.authenticationCode)).toEqual(['GGGG7777HHHH8888', 'EEEE5555FFFF6666']);
  });
});
