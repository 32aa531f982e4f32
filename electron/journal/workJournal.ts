import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import {
  journalEntrySchema,
  journalOutcomeSchema,
  unsyncedWorkFileSchema,
  type JournalEntry,
  type JournalOutcome,
  type Operation,
  type OperationResult,
  type UnsyncedWorkFile,
} from '../../shared/ipc/contract';
import { writeFileAtomic } from '../fs/atomicFile';
import { WordedError } from '../wordedError';

const lineSchema = z.union([
  z.object({ add: journalEntrySchema }).strict(),
  z.object({ settle: z.object({ ids: z.array(z.string()), outcome: journalOutcomeSchema }) }).strict(),
]);
type Line = z.infer<typeof lineSchema>;

/** Settled lines kept before the file is rewritten with the live changes only. */
export const COMPACT_AFTER = 200;

interface Loaded {
  live: Map<string, JournalEntry>;
  settledLines: number;
  problem: string | null;
  /** A torn or damaged line: rewritten before anything is appended after it. */
  torn: boolean;
}

/**
 * The second copy of unsynced work: an append-only file of every queued change and how it ended,
 * each line fsync'd before the call returns, rewritten with the live changes only once enough have
 * ended. IndexedDB can be damaged, evicted or wiped; this file is how that work comes back.
 */
export class WorkJournal {
  private state: Promise<Loaded> | null = null;
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly path: string,
    private readonly compactAfter = COMPACT_AFTER,
  ) {}

  append(entries: JournalEntry[]): Promise<number> {
    return this.serial(async (state) => {
      await this.write(entries.map((entry) => ({ add: entry })));
      for (const entry of entries) state.live.set(entry.id, entry);
    });
  }

  settle(ids: string[], outcome: JournalOutcome): Promise<number> {
    return this.serial(async (state) => {
      const known = ids.filter((id) => state.live.has(id));
      if (known.length === 0) return;
      await this.write([{ settle: { ids: known, outcome } }]);
      for (const id of known) state.live.delete(id);
      state.settledLines += 1;
      if (state.settledLines >= this.compactAfter) await this.compact(state);
    });
  }

  /** The journalled changes a push finished: matched by token and queue number. */
  async settleSynced(operations: Operation[], results: OperationResult[]): Promise<void> {
    const done = new Set(results.filter((r) => r.outcome === 'done').map((r) => r.seq));
    const finished = new Set(operations.filter((op) => done.has(op.seq)).map((op) => `${op.tokenLocalId}#${op.seq}`));
    if (finished.size === 0) return;
    const { live } = await this.load();
    const ids = [...live.values()].filter((e) => finished.has(`${e.operation.tokenLocalId}#${e.operation.seq}`)).map((e) => e.id);
    if (ids.length > 0) await this.settle(ids, 'synced');
  }

  async read(): Promise<{ entries: JournalEntry[]; problem: string | null }> {
    const { live, problem } = await this.load();
    return { entries: [...live.values()], problem };
  }

  /** Writes the live changes to a file in `dir`; a move to another computer or a rescue before a rebuild. */
  async exportTo(dir: string, now = new Date()): Promise<{ path: string; count: number }> {
    const { entries } = await this.read();
    const file: UnsyncedWorkFile = {
      kind: 'token-desk-unsynced-work',
      formatVersion: 1,
      exportedAt: now.toISOString(),
      note: 'Pass codes in this file are sealed with the exporting counter\'s key; on another computer they must be typed again.',
      entries,
    };
    const path = join(dir, `unsynced-work-${now.toISOString().replace(/[:.]/g, '-')}.json`);
    await writeFileAtomic(path, JSON.stringify(file, null, 2));
    return { path, count: entries.length };
  }

  /** Takes the changes of an exported file that this journal does not hold yet, and answers them. */
  async importFile(text: string): Promise<JournalEntry[]> {
    let data: unknown = null;
    try {
      data = JSON.parse(text);
    } catch {
      // reported below
    }
    const parsed = unsyncedWorkFileSchema.safeParse(data);
    if (!parsed.success) throw new WordedError({ code: 'notUnsyncedWork' }, 'This is not a file of unsynced work exported by Token Desk (or it is damaged); nothing was imported.');
    const { live } = await this.load();
    const fresh = parsed.data.entries.filter((entry) => !live.has(entry.id));
    if (fresh.length > 0) await this.append(fresh);
    return fresh;
  }

  private serial(work: (state: Loaded) => Promise<void>): Promise<number> {
    const run = this.writes.then(async () => {
      const state = await this.load();
      await work(state);
      return state.live.size;
    });
    this.writes = run.catch(() => undefined);
    return run;
  }

  private load(): Promise<Loaded> {
    this.state ??= readJournal(this.path).then(
      async (state) => {
        if (state.torn) await this.compact(state);
        return state;
      },
      (error: unknown) => {
        this.state = null;
        throw error;
      },
    );
    return this.state;
  }

  private async write(lines: Line[]): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const handle = await open(this.path, 'a', 0o600);
    try {
      await handle.writeFile(lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
      await handle.datasync();
    } finally {
      await handle.close();
    }
  }

  private async compact(state: Loaded): Promise<void> {
    const text = [...state.live.values()].map((entry) => `${JSON.stringify({ add: entry })}\n`).join('');
    await writeFileAtomic(this.path, text);
    state.settledLines = 0;
    state.torn = false;
  }
}

async function readJournal(path: string): Promise<Loaded> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { live: new Map(), settledLines: 0, problem: null, torn: false };
    throw error;
  }
  const live = new Map<string, JournalEntry>();
  let settledLines = 0;
  let damaged = 0;
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    if (raw.trim() === '') return;
    const line = parseLine(raw);
    // A crash mid-append leaves the last line torn: that change was never confirmed to the clerk.
    if (line === null) {
      if (index < lines.length - 1) damaged += 1;
      return;
    }
    if ('add' in line) live.set(line.add.id, line.add);
    else {
      settledLines += 1;
      for (const id of line.settle.ids) live.delete(id);
    }
  });
  const problem = damaged === 0 ? null : `${damaged} line(s) of the journal ${path} are damaged and were skipped.`;
  const torn = damaged > 0 || (text !== '' && !text.endsWith('\n'));
  return { live, settledLines, problem, torn };
}

function parseLine(raw: string): Line | null {
  try {
    const parsed = lineSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
