import { appendFile, mkdtemp, readdir, readFile, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../shared/ipc/contract';
import { WorkJournal } from '../../../electron/journal/workJournal';
import { doneResult } from '../../renderer/support';

const base = { updatedDate: null, lifeCycleState: 'EFFECTIVE' as const, identifier: null };
function entry(n: number): JournalEntry {
  return {
    id: `j${n}`,
    queuedAt: 1000 + n,
    operation: { kind: 'setState', seq: n, tokenLocalId: `t${n}`, attempt: 1, authenticationCode: `CODE${n}AB12`, base, target: 'NOT_EFFECTIVE' },
  };
}

async function journalFile() {
  const dir = await mkdtemp(join(tmpdir(), 'journal-'));
  return { dir, path: join(dir, 'journal', 'work.jsonl') };
}

describe('work journal', () => {
  it('keeps every appended change until it is settled, across a restart', async () => {
    const { path } = await journalFile();
    const journal = new WorkJournal(path);
    expect(await journal.append([entry(1), entry(2)])).toBe(2);
    expect(await journal.settle(['j1'], 'synced')).toBe(1);
    const reopened = new WorkJournal(path);
    expect(await reopened.read()).toEqual({ entries: [entry(2)], problem: null });
  });

  it('writes each append before answering (the file holds it as soon as append resolves)', async () => {
    const { path } = await journalFile();
    await new WorkJournal(path).append([entry(7)]);
    expect(await readFile(path, 'utf8')).toContain('"id":"j7"');
  });

  it('settles what a push finished, by token and queue number, and leaves the rest', async () => {
    const { path } = await journalFile();
    const journal = new WorkJournal(path);
    await journal.append([entry(1), entry(2), entry(3)]);
    const ops = [entry(1).operation, entry(2).operation, entry(3).operation];
    await journal.settleSynced(ops, [
      { seq: 1, outcome: 'retry', error: { code: 'NETWORK', message: 'down' } },
      { seq: 2, outcome: 'blocked' },
      { seq: 3, outcome: 'parked', error: { code: 'X', message: 'refused' } },
    ]);
    expect((await journal.read()).entries.map((e) => e.id)).toEqual(['j1', 'j2', 'j3']);
    await journal.settleSynced([entry(2).operation], [doneResult(entry(2).operation)]);
    expect((await journal.read()).entries.map((e) => e.id)).toEqual(['j1', 'j3']);
  });

  it('compacts once enough changes have ended: the file holds only the live ones', async () => {
    const { path } = await journalFile();
    const journal = new WorkJournal(path, 10);
    for (let n = 1; n <= 25; n += 1) {
      await journal.append([entry(n)]);
      if (n > 1) await journal.settle([`j${n - 1}`], 'synced');
    }
    const lines = (await readFile(path, 'utf8')).trim().split('\n');
    expect(lines.length).toBeLessThan(2 * 10 + 2);
    expect((await new WorkJournal(path).read()).entries.map((e) => e.id)).toEqual(['j25']);
    expect((await readdir(join(path, '..'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('survives a torn last line (a crash mid-append): earlier changes stay, later appends are readable', async () => {
    const { path } = await journalFile();
    const journal = new WorkJournal(path);
    await journal.append([entry(1), entry(2)]);
    const text = await readFile(path, 'utf8');
    await truncate(path, text.length - 10);
    const reopened = new WorkJournal(path);
    expect((await reopened.read()).entries.map((e) => e.id)).toEqual(['j1']);
    await reopened.append([entry(3)]);
    expect(await new WorkJournal(path).read()).toEqual({ entries: [entry(1), entry(3)], problem: null });
  });

  it('reports damaged lines in the middle and keeps the rest', async () => {
    const { path } = await journalFile();
    await new WorkJournal(path).append([entry(1)]);
    await appendFile(path, 'garbage\n');
    await appendFile(path, `${JSON.stringify({ add: entry(2) })}\n`);
    const read = await new WorkJournal(path).read();
    expect(read.entries.map((e) => e.id)).toEqual(['j1', 'j2']);
    expect(read.problem).toMatch(/1 line\(s\) of the journal .* are damaged/);
  });

  it('exports the live changes to a file and imports only what it does not hold', async () => {
    const { dir, path } = await journalFile();
    const journal = new WorkJournal(path);
    await journal.append([entry(1), entry(2)]);
    const exported = await journal.exportTo(join(dir, 'exports'), new Date('2026-12-01T04:00:00Z'));
    expect(exported.count).toBe(2);
    const text = await readFile(exported.path, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ kind: 'token-desk-unsynced-work', formatVersion: 1, entries: [entry(1), entry(2)] });

    const other = new WorkJournal((await journalFile()).path);
    await other.append([entry(2)]);
    expect((await other.importFile(text)).map((e) => e.id)).toEqual(['j1']);
    expect((await other.read()).entries.map((e) => e.id).sort()).toEqual(['j1', 'j2']);
    await expect(other.importFile('{"kind":"something else"}')).rejects.toThrow(/not a file of unsynced work/);
  });
});
