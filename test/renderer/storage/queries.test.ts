import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TokenDeskDatabase } from '../../../renderer/storage/database';
import { findTokens, recentTokens, tokenByCode } from '../../../renderer/storage/queries';
import { withKeys } from '../../../renderer/storage/tokenRows';
import { closeTestDb, issue, openTestDb } from '../support';

let db: TokenDeskDatabase;
beforeEach(async () => {
  db = openTestDb();
  const a = await issue(db, { authenticationCode: 'AAAA1111BBBB2222', identifier: 'CARD0001' }, 1_000);
  await issue(db, { authenticationCode: 'CCCC3333DDDD4444', identifier: 'CARD0002' }, 2_000);
  await issue(db, { authenticationCode: 'EEEE5555FFFF6666', identifier: 'VIP0001' }, 3_000);
  await issue(db, { authenticationCode: 'GGGG7777HHHH8888', identifier: null, sealedPassCode: null }, 4_000);
  await db.tokens.put(withKeys({ ...a, number: '4711' }));
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
    const vip = await db.tokens.where('identifier').equals('VIP0001').first();
    await db.tokens.put(withKeys({ ...vip!, number: 'VIP0001' }));
    expect(await codes('VIP0001')).toEqual(['EEEE5555FFFF6666']);
  });
});

describe('findTokens by owner and account', () => {
  it('finds a customer without the card: a word of the owner name, the participant or account number', async () => {
    const vip = await db.tokens.where('identifier').equals('VIP0001').first();
    const participant = { id: 'P1', number: '5150', accountNumber: 'A-77', accountName: null, ownerName: 'Eleni Papadopoulou' };
    await db.tokens.put(withKeys({ ...vip!, participant, participantNumber: '5150' }));
    expect(await codes('papadopoulou')).toEqual(['EEEE5555FFFF6666']);
    expect(await codes('ELENI')).toEqual(['EEEE5555FFFF6666']);
    expect(await codes('5150')).toEqual(['EEEE5555FFFF6666']);
    expect(await codes('a-77')).toEqual(['EEEE5555FFFF6666']);
    expect(await codes('Papa')).toEqual([]);
  });

  it('lists an exact code or number before identifier prefixes with the same start', async () => {
    const other = await issue(db, { authenticationCode: 'CARD', identifier: 'ZZZ' }, 5_000);
    const numbered = await db.tokens.where('identifier').equals('VIP0001').first();
    await db.tokens.put(withKeys({ ...numbered!, number: 'CARD' }));
    expect(await codes('card')).toEqual([other.authenticationCode, 'EEEE5555FFFF6666', 'AAAA1111BBBB2222', 'CCCC3333DDDD4444']);
    expect(await codes('card', 3)).toEqual([other.authenticationCode, 'EEEE5555FFFF6666', 'AAAA1111BBBB2222']);
  });
});

describe('tokenByCode', () => {
  it('names the token by its authentication code only, ignoring case', async () => {
    expect((await tokenByCode(db, 'cccc3333dddd4444'))?.identifier).toBe('CARD0002');
    expect(await tokenByCode(db, '4711')).toBeNull();
    expect(await tokenByCode(db, 'CARD0001')).toBeNull();
    expect(await tokenByCode(db, ' ')).toBeNull();
  });
});

describe('recentTokens', () => {
  it('lists the most recently changed tokens first', async () => {
    expect((await recentTokens(db, 2)).map((t) => t.authenticationCode)).toEqual(['GGGG7777HHHH8888', 'EEEE5555FFFF6666']);
  });
});
