import { describe, expect, it } from 'vitest';
import { normalizeSearch, SearchRank, searchKeysOf } from '../../../renderer/storage/searchKeys';

const row = {
  authenticationCode: 'abc123',
  number: '1001',
  identifier: 'Card-7',
  participantNumber: '55',
  participant: { id: 'P', number: '55', accountNumber: '0009', accountName: 'Shop', ownerName: 'Zoë  O’Brien' },
};

describe('searchKeysOf', () => {
  it('keys a token by code, number, identifier, the owner, participant and account, and each shorter prefix of its identifier with the rest of it', () => {
    expect(searchKeysOf(row)).toEqual([
      ['ABC123', SearchRank.Code],
      ['1001', SearchRank.Number],
      ['CARD-7', SearchRank.Identifier],
      ['55', SearchRank.Person],
      ['0009', SearchRank.Person],
      ['ZOE', SearchRank.Person],
      ['O', SearchRank.Person],
      ['BRIEN', SearchRank.Person],
      ['C', 'ARD-7'],
      ['CA', 'RD-7'],
      ['CAR', 'D-7'],
      ['CARD', '-7'],
      ['CARD-', '7'],
    ]);
  });

  it('keeps one entry per text, at its best rank', () => {
    const keys = searchKeysOf({ ...row, number: 'C', participant: null, participantNumber: null });
    expect(keys.filter(([text]) => text === 'C')).toEqual([['C', SearchRank.Number]]);
  });

  it('has only the code for a bare token', () => {
    expect(searchKeysOf({ authenticationCode: 'X', number: null, identifier: null, participantNumber: null, participant: null })).toEqual([['X', SearchRank.Code]]);
  });
});

describe('normalizeSearch', () => {
  it('trims, drops accents and upper-cases', () => {
    expect(normalizeSearch('  papadópoulou ')).toBe('PAPADOPOULOU');
    expect(normalizeSearch('   ')).toBe('');
  });
});
