import { describe, expect, it } from 'vitest';
import type { JournalEntry, Operation, PushReply } from '../../../shared/ipc/contract';
import { finalSync } from '../../../electron/app/finalSync';

const base = { updatedDate: null, lifeCycleState: 'EFFECTIVE' as const, identifier: null };
const entry = (n: number, attempt = 1): JournalEntry => ({
  id: `j${n}`,
  queuedAt: 100 - n,
  operation: { kind: 'setState', seq: n, tokenLocalId: `t${n}`, attempt, authenticationCode: `CODE${n}AB12`, base, target: 'NOT_EFFECTIVE' },
});

describe('final sync on quit', () => {
  it('does nothing when nothing is queued', async () => {
    const pushed: Operation[][] = [];
    const result = await finalSync({ liveEntries: async () => [], push: async (ops) => (pushed.push(ops), { crm: 'ok', message: null, results: [] }), wait: () => new Promise(() => undefined) });
    expect(result).toEqual({ stillQueued: 0 });
    expect(pushed).toEqual([]);
  });

  it('sends the journal oldest first as possible repeats, and says what stays', async () => {
    let live = [entry(1), entry(2, 3)];
    const pushed: Operation[][] = [];
    const push = async (ops: Operation[]): Promise<PushReply> => {
      pushed.push(ops);
      live = live.filter((e) => e.id !== 'j2');
      return { crm: 'ok', message: null, results: [] };
    };
    expect(await finalSync({ liveEntries: async () => live, push, wait: () => new Promise(() => undefined) })).toEqual({ stillQueued: 1 });
    expect(pushed[0]?.map((op) => [op.seq, op.attempt])).toEqual([
      [2, 3],
      [1, 2],
    ]);
  });

  it('gives up waiting when the CRM does not answer in time', async () => {
    let release = () => undefined as void;
    const waited = new Promise<void>((resolve) => (release = resolve));
    const pending = finalSync({ liveEntries: async () => [entry(1)], push: () => new Promise(() => undefined), wait: () => waited }, 5);
    release();
    expect(await pending).toEqual({ stillQueued: 1 });
  });
});
