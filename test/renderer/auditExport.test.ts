import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditCsv, csvCell } from '../../renderer/auditExport';
import type { TokenDeskDatabase } from '../../renderer/storage/database';
import { setLifeCycleState } from '../../renderer/commands/tokenWrites';
import { writeCounterIdentity } from '../../renderer/storage/meta';
import { closeTestDb, issue, openTestDb } from './support';

let db: TokenDeskDatabase;
beforeEach(() => {
  db = openTestDb();
});
afterEach(() => closeTestDb(db));

describe('csvCell', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('sees a formula behind blanks, invisible characters, line feeds and full-width signs, and replaces control characters', () => {
    expect(csvCell(' =1+1')).toBe("' =1+1");
    expect(csvCell('\u00A0=1+1')).toBe("'\u00A0=1+1");
    expect(csvCell('\u200B=1+1')).toBe("'\u200B=1+1");
    expect(csvCell('\uFEFF@SUM(A1)')).toBe("'\uFEFF@SUM(A1)");
    expect(csvCell('\n=1+1')).toBe(`"'\n=1+1"`);
    expect(csvCell('\uFF1D1+1')).toBe("'\uFF1D1+1");
    expect(csvCell('\uFF0B1')).toBe("'\uFF0B1");
    expect(csvCell('a\u0007b\u009Bc')).toBe('a\uFFFDb\uFFFDc');
    expect(csvCell('\u0000=1')).toBe("'\uFFFD=1");
    expect(csvCell('1 = 1')).toBe('1 = 1');
  });
});

describe('auditCsv', () => {
  it('exports every audit row, oldest first, page by page, with who did it and the token it concerns', async () => {
    await writeCounterIdentity(db, { terminalName: 'Counter 2' });
    db.actor = { ...db.actor, operator: { id: 'op-anna', name: 'Anna, senior' } };
    const token = await issue(db, { authenticationCode: 'AAAA1111BBBB2222', identifier: 'CARD0001' }, Date.UTC(2026, 0, 2, 9, 30));
    await setLifeCycleState(db, token.localId, 'NOT_EFFECTIVE', Date.UTC(2026, 0, 2, 9, 31));
    for (let i = 0; i < 5; i += 1) await issue(db, {}, Date.UTC(2026, 0, 2, 10, i));

    const { parts, rows } = await auditCsv(db, 2);
    expect(rows).toBe(7);
    const lines = parts.join('').split('\r\n');
    expect(lines[0]).toBe('Time,Terminal,Operator,Operator ID,Approved by,Action,Outcome,Authentication code,Identifier,Detail');
    expect(lines[1]).toBe('2026-01-02T09:30:00.000Z,Counter 2,"Anna, senior",op-anna,,issue,queued,AAAA1111BBBB2222,CARD0001,Issued AAAA1111BBBB2222 (identifier CARD0001)');
    expect(lines[2]).toBe('2026-01-02T09:31:00.000Z,Counter 2,"Anna, senior",op-anna,,setState,queued,AAAA1111BBBB2222,CARD0001,Set not effective');
    expect(lines).toHaveLength(7 + 2);
    expect(lines.at(-1)).toBe('');
  });

  it('exports just the header when the log is empty', async () => {
    expect(await auditCsv(db)).toEqual({ parts: ['Time,Terminal,Operator,Operator ID,Approved by,Action,Outcome,Authentication code,Identifier,Detail\r\n'], rows: 0 });
  });
});
