import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNewToken } from '../../shared/token/definition';
import { DEFAULT_DEFINITION } from '../../shared/token/defaultDefinition';
import { formatCrmDate, nextCrmDate } from './simClock';
import { loadDemoData, loadSimData, parseSimData } from './simData';

describe('demo data', () => {
  const data = loadDemoData();

  it('uses the default definition and the demo login', () => {
    expect(data.definition).toEqual(DEFAULT_DEFINITION);
    expect(data.users[0]).toMatchObject({ username: 'demo', password: 'demo', organisation: 'DEMO' });
  });

  it('holds card stock and linked tokens that satisfy the definition', () => {
    const stock = data.tokens.filter((t) => t.participant_id === null);
    expect(stock).toHaveLength(10);
    expect(stock.every((t) => t.identifier === null && t.pass_code === null)).toBe(true);
    expect(data.tokens.filter((t) => t.participant_id !== null)).toHaveLength(3);
    for (const token of data.tokens) {
      const fields = { identifier: token.identifier, passCode: token.pass_code, authenticationCode: token.authentication_code };
      expect(checkNewToken(data.definition, fields)).toEqual({});
    }
    expect(data.tokens.map((t) => t.number)).toEqual(data.tokens.map((_t, i) => String(i + 1)));
  });

  it('fills the account owner’s demographics in the shape of the real reply', () => {
    const owner = data.participants[3]?.accounts_receivable.account_owner;
    expect(owner).toMatchObject({ type: 'COMPANY', company_name: 'Kyrenia Bakery Ltd', company_profile: null });
    expect(owner?.demographics).toMatchObject({ gender: null, date_of_birth: { year: null, month: null, day: null }, name_day: { month: null, day: null } });
  });
});

describe('loading data', () => {
  const good = (): Record<string, unknown> => JSON.parse(JSON.stringify(loadDemoData())) as Record<string, unknown>;

  it('lists every inconsistency in one error', () => {
    const data = good();
    const tokens = data.tokens as Array<Record<string, unknown>>;
    Object.assign(tokens[1] ?? {}, { authentication_code: tokens[0]?.authentication_code, participant_id: 'GHOST' });
    expect(() => parseSimData(data)).toThrow(/authentication code "K7Q2M9X4T1B8R6WD" appears more than once[\s\S]*participant "GHOST" does not exist/);
  });

  it('refuses an invalid definition or a malformed token', () => {
    const data = good();
    Object.assign(data.definition as object, { maxTokensPerOwner: 0 });
    Object.assign((data.tokens as object[])[0] ?? {}, { number: 'one' });
    expect(() => parseSimData(data)).toThrow(/maxTokensPerOwner[\s\S]*token number is a positive integer|token number is a positive integer[\s\S]*maxTokensPerOwner/);
  });

  it('names the file that cannot be read or parsed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-sim-'));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ not json');
    expect(() => loadSimData(broken)).toThrow(broken);
    expect(() => loadSimData(join(dir, 'missing.json'))).toThrow(/missing\.json/);
  });
});

describe('CRM dates', () => {
  it('formats local time without a zone', () => {
    expect(formatCrmDate(new Date(2014, 11, 1, 14, 49, 1))).toBe('2014-12-01T14:49:01');
  });

  it('moves past the previous stamp when a change comes within the same second', () => {
    const now = new Date(2024, 0, 2, 10, 0, 0);
    expect(nextCrmDate(null, now)).toBe('2024-01-02T10:00:00');
    expect(nextCrmDate('2024-01-02T10:00:00', now)).toBe('2024-01-02T10:00:01');
    expect(nextCrmDate('2023-05-01T08:00:00', now)).toBe('2024-01-02T10:00:00');
  });
});
