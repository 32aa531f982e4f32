import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TokenDeskDatabase } from '../../../renderer/storage/database';
import { findTokens, recentTokens, tokenByCode } from '../../../renderer/storage/queries';
import { normalizeSearch } from '../../../renderer/storage/searchKeys';
import { withKeys } from '../../../renderer/storage/tokenRows';
import type { TokenRow } from '../../../renderer/storage/rows';
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

  it('opens the database when Find is its first read', async () => {
    db.close();
    const reopened = new TokenDeskDatabase(db.name);
    try {
      expect(reopened.isOpen()).toBe(false);
      expect((await findTokens(reopened, 'VIP')).map((t) => t.authenticationCode)).toEqual(['EEEE5555FFFF6666']);
    } finally {
      reopened.close();
    }
  });

  it("leaves a database closed on purpose closed, as Dexie's own reads do", async () => {
    db.close();
    await expect(findTokens(db, 'VIP')).rejects.toMatchObject({ name: 'DatabaseClosedError' });
    await expect(tokenByCode(db, 'EEEE5555FFFF6666')).rejects.toMatchObject({ name: 'DatabaseClosedError' });
    expect(db.isOpen()).toBe(false);
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

describe('findTokens, any counter', () => {
  it('lists a token found both by a word and by its identifier once, and a page stays whole', async () => {
    const card = await db.tokens.where('identifier').equals('CARD0001').first();
    const participant = { id: 'P2', number: '9', accountNumber: null, accountName: null, ownerName: 'Card' };
    await db.tokens.put(withKeys({ ...card!, participant, participantNumber: '9' }));
    expect(await codes('card')).toEqual(['AAAA1111BBBB2222', 'CCCC3333DDDD4444']);
    expect(await codes('card', 2)).toEqual(['AAAA1111BBBB2222', 'CCCC3333DDDD4444']);
  });

  /** What Find means, said plainly over the rows: exact texts by rank, then longer identifiers by their start. */
  function expected(rows: TokenRow[], text: string, limit: number): string[] {
    const key = normalizeSearch(text);
    const is = (value: string | null | undefined) => !!value && normalizeSearch(value) === key;
    const rankOf = (row: TokenRow) => {
      const words = normalizeSearch(row.participant?.ownerName ?? '').split(/[^\p{L}\p{N}]+/u);
      if (is(row.authenticationCode)) return 0;
      if (is(row.number)) return 1;
      if (is(row.identifier)) return 2;
      return is(row.participantNumber ?? row.participant?.number) || is(row.participant?.accountNumber) || words.some(is) ? 3 : null;
    };
    const byId = (a: TokenRow, b: TokenRow) => (a.localId < b.localId ? -1 : 1);
    const exact = rows.filter((row) => rankOf(row) !== null).sort((a, b) => rankOf(a)! - rankOf(b)! || byId(a, b));
    const identifierOf = (row: TokenRow) => normalizeSearch(row.identifier ?? '');
    const started = rows
      .filter((row) => rankOf(row) === null && identifierOf(row).startsWith(key) && identifierOf(row) !== key)
      .sort((a, b) => (identifierOf(a) === identifierOf(b) ? byId(a, b) : identifierOf(a) < identifierOf(b) ? -1 : 1));
    return key === '' ? [] : [...exact, ...started].slice(0, limit).map((row) => row.localId);
  }

  it('answers what Find means for any tokens, text and page size', async () => {
    const text = (max: number) => fc.string({ unit: fc.constantFrom('A', 'B', 'a', 'é', '1'), minLength: 1, maxLength: max });
    const token = fc.record({
      identifier: fc.option(text(4)),
      number: fc.option(text(2)),
      participantNumber: fc.option(text(2)),
      ownerName: fc.option(fc.array(text(3), { maxLength: 2 }).map((words) => words.join(' '))),
    });
    const codesOf = fc.uniqueArray(text(3), { minLength: 1, maxLength: 12 });
    const base = (await db.tokens.toCollection().first())!;
    await fc.assert(
      fc.asyncProperty(codesOf.chain((codes) => fc.tuple(fc.constant(codes), fc.array(token, { minLength: codes.length, maxLength: codes.length }))), text(3), fc.integer({ min: 1, max: 6 }), async ([codes, fields], typed, limit) => {
        await db.tokens.clear();
        const rows = codes.map((code, i) => {
          const { ownerName, participantNumber, ...rest } = fields[i]!;
          const participant = ownerName === null && participantNumber === null ? null : { id: `P${i}`, number: participantNumber ?? '', accountNumber: null, accountName: null, ownerName };
          return withKeys({ ...base, ...rest, participant, participantNumber, localId: `t${String(i).padStart(2, '0')}`, authenticationCode: code });
        });
        await db.tokens.bulkPut(rows);
        expect((await findTokens(db, typed, limit)).map((row) => row.localId)).toEqual(expected(rows, typed, limit));
      }),
      { numRuns: 150 },
    );
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
