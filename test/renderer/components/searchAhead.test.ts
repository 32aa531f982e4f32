import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { searchAhead, takeSearch } from '../../../renderer/components/searchAhead';
import type { TokenDeskDatabase } from '../../../renderer/storage/database';
import { closeTestDb, issue, nextStorageMutation, openTestDb } from '../support';

describe('a search started as the key is pressed', () => {
  let db: TokenDeskDatabase;
  beforeEach(() => {
    db = openTestDb();
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await closeTestDb(db);
  });

  const identifiers = async (found: Promise<{ tokens: { identifier: string | null }[] }>) => (await found).tokens.map((token) => token.identifier);

  it('is the read the results take: one index read for the keystroke, and only once', async () => {
    await issue(db, { identifier: 'ALPHA1' });
    const reads = vi.spyOn(IDBIndex.prototype, 'getAll');
    searchAhead(db, 'ALPHA', 50);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(await takeSearch(db, 'ALPHA', 50)).toMatchObject({ query: 'ALPHA', tokens: [{ identifier: 'ALPHA1' }] });
    expect(reads).toHaveBeenCalledTimes(1);
    await takeSearch(db, 'ALPHA', 50);
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('is spoilt by a token change before it is taken: the results read again and see the change', async () => {
    searchAhead(db, 'GAMMA', 50);
    // Its read transaction came first, so it answers from before this token.
    const told = nextStorageMutation();
    await issue(db, { identifier: 'GAMMA7' });
    await told;
    expect(await identifiers(takeSearch(db, 'GAMMA', 50))).toEqual(['GAMMA7']);
  });

  it('is dropped by a newer search, and not taken for another text or another page size', async () => {
    await issue(db, { identifier: 'ALPHA1' });
    await issue(db, { identifier: 'BETA1' });
    const reads = vi.spyOn(IDBIndex.prototype, 'getAll');
    searchAhead(db, 'ALPHA', 50);
    searchAhead(db, 'BETA', 50);
    expect(await identifiers(takeSearch(db, 'ALPHA', 50))).toEqual(['ALPHA1']);
    expect(reads).toHaveBeenCalledTimes(3);
    expect(await identifiers(takeSearch(db, 'BETA', 100))).toEqual(['BETA1']);
    expect(reads).toHaveBeenCalledTimes(4);
  });

  it('lists the tokens touched last while nothing is typed', async () => {
    await issue(db, { identifier: 'OLDER' }, 1_000);
    await issue(db, { identifier: 'NEWER' }, 2_000);
    searchAhead(db, '', 50);
    expect(await identifiers(takeSearch(db, '', 50))).toEqual(['NEWER', 'OLDER']);
  });
});
