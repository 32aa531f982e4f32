import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrmCode } from '../../../shared/crm/statusCodes';
import type { CreateOperation, SyncProgress } from '../../../shared/ipc/contract';
import { Upstream } from '../../../electron/sync/upstream';
import type { BatchDeps } from '../../../electron/sync/upstreamBatch';
import { FileKeyVault } from '../../../electron/vault/fileKeyVault';
import { startCrmSim, type CrmSim } from '../../crm-sim/simulator';
import { callsTo, newCode, sessionFor } from '../simHelpers';

let seq = 1000;
const create = (tokenLocalId: string): CreateOperation => {
  seq += 1;
  return { kind: 'create', seq, tokenLocalId, attempt: 1, authenticationCode: newCode(), identifier: null, sealedPassCode: null, participantNumber: null };
};

describe('upstream', () => {
  let sim: CrmSim;
  let deps: Omit<BatchDeps, 'onResult'>;

  beforeAll(async () => {
    sim = await startCrmSim();
    const vault = new FileKeyVault(join(await mkdtemp(join(tmpdir(), 'upstream-')), 'vault.key'));
    const session = sessionFor(sim);
    deps = { session: async () => session, unseal: (s) => vault.unseal(s) };
  });
  afterAll(() => sim.close());

  it('never sends an operation it already finished', async () => {
    const upstream = new Upstream();
    const ops = [create('a'), create('b'), create('c')];
    const [first, second] = await Promise.all([upstream.push(ops, deps), upstream.push(ops.map((op) => ({ ...op, attempt: 2 })), deps)]);
    expect(first.results.map((r) => r.outcome)).toEqual(['done', 'done', 'done']);
    expect(second.results).toEqual(first.results);
    expect(callsTo(sim, 'create')).toBe(3);
    expect(callsTo(sim, 'show')).toBe(0);
  });

  it('tells its progress as it goes (start, each answer, end), and the last error after a push', async () => {
    const heard: SyncProgress[] = [];
    let seenMidway: SyncProgress | null = null;
    const upstream = new Upstream((progress) => {
      heard.push(progress);
      if (progress.done === 2) seenMidway = upstream.view();
    });
    await upstream.push([create('d'), create('e'), create('f'), create('g'), create('h')], { ...deps, concurrency: 1 });
    expect(heard.map((p) => [p.running, p.done, p.total])).toEqual([
      [true, 0, 5],
      [true, 1, 5],
      [true, 2, 5],
      [true, 3, 5],
      [true, 4, 5],
      [true, 5, 5],
      [false, 5, 5],
    ]);
    expect(seenMidway).toEqual({ running: true, done: 2, total: 5, lastError: null });
    expect(upstream.view()).toEqual({ running: false, done: 5, total: 5, lastError: null });

    await sim.setSwitches({ failNext: 1, faultsOnly: 'access_tokens/create' });
    await upstream.push([create('i')], deps);
    await sim.setSwitches({ faultsOnly: null });
    expect(upstream.view().lastError).toMatchObject({ code: 'HTTP_500' });
    expect(heard.at(-1)).toMatchObject({ running: false, lastError: { code: 'HTTP_500' } });
  });

  it('sends a retried operation again: only finished answers are remembered', async () => {
    const upstream = new Upstream();
    const op = create('j');
    await sim.setSwitches({ failNext: 1, faultsOnly: 'access_tokens/create' });
    expect((await upstream.push([op], deps)).results[0]?.outcome).toBe('retry');
    await sim.setSwitches({ faultsOnly: null });
    expect((await upstream.push([{ ...op, attempt: 2 }], deps)).results[0]).toMatchObject({ outcome: 'done', adopted: false });
  });

  it('sends again an operation it refused, when the operator puts it back (same sequence number)', async () => {
    const upstream = new Upstream();
    const withPassCode = { ...deps, unseal: async () => '1234' };
    const taken = sim.tokens().find((t) => t.identifier !== null)?.identifier ?? '';
    const op = { ...create('k'), identifier: taken, sealedPassCode: 'sealed' };
    const first = await upstream.push([op], withPassCode);
    expect(first.results[0]).toMatchObject({ outcome: 'parked', error: { code: CrmCode.identifierExists } });
    const creates = callsTo(sim, 'create');
    const fixed = await upstream.push([{ ...op, attempt: 2, identifier: `FIXED${newCode()}` }], withPassCode);
    expect(fixed.results[0]).toMatchObject({ outcome: 'done' });
    expect(callsTo(sim, 'create')).toBe(creates + 1);
  });

  it('parks a create refused for its participant (none by that number, or at its token limit) with the reason the fix follows', async () => {
    const upstream = new Upstream();
    const unknown = await upstream.push([{ ...create('p'), participantNumber: '999' }], deps);
    expect(unknown.results[0]).toMatchObject({ outcome: 'parked', error: { code: CrmCode.participantNotFound, reason: 'participantRefused' } });
    // Participant 4 of the demo data: fill it up to the definition's limit, then one more.
    const full = await upstream.push(Array.from({ length: 6 }, (_, i) => ({ ...create(`q${i}`), participantNumber: '4' })), deps);
    const refused = full.results.filter((result) => result.outcome === 'parked');
    expect(full.results.filter((result) => result.outcome === 'done')).toHaveLength(5);
    expect(refused).toEqual([expect.objectContaining({ error: expect.objectContaining({ code: CrmCode.definitionViolated, reason: 'participantRefused' }) })]);
  });

  it('gives a slot freed by one push to the next push at once, while the first push waits for its slowest operation', async () => {
    const upstream = new Upstream();
    const held = latches();
    const holding = { ...deps, concurrency: 2, unseal: (sealed: string) => held.open(sealed) };
    const first = upstream.push([sealedCreate('r', 'slow'), sealedCreate('s', 'quick')], holding);
    const second = upstream.push([sealedCreate('t', 'next')], holding);
    await held.started('slow', 'quick');
    expect(held.names()).toEqual(['slow', 'quick']);

    held.release('quick');
    await held.started('next');
    held.release('next');
    expect((await second).results.map((r) => r.outcome)).toEqual(['done']);
    expect(held.names()).toEqual(['slow', 'quick', 'next']);
    expect(upstream.view()).toMatchObject({ running: true, done: 2, total: 3 });

    held.release('slow');
    expect((await first).results.map((r) => r.outcome)).toEqual(['done', 'done']);
    expect(upstream.view()).toMatchObject({ running: false, done: 3, total: 3 });
  });

  it('answers an operation already in flight with that flight’s answer, never sending it twice', async () => {
    const upstream = new Upstream();
    const held = latches();
    const holding = { ...deps, unseal: (sealed: string) => held.open(sealed) };
    const op = sealedCreate('u', 'once');
    const creates = callsTo(sim, 'create');
    const first = upstream.push([op], holding);
    await held.started('once');
    const again = upstream.push([{ ...op, attempt: 2 }], holding);
    held.release('once');
    const [a, b] = await Promise.all([first, again]);
    expect(b.results).toEqual(a.results);
    expect(held.names()).toEqual(['once']);
    expect(callsTo(sim, 'create')).toBe(creates + 1);
  });
});

/** A create whose pass code is opened (just before it is sent) by the latch `name`. */
function sealedCreate(tokenLocalId: string, name: string): CreateOperation {
  return { ...create(tokenLocalId), identifier: `L${newCode()}`, sealedPassCode: name };
}

/** Pass codes that open only when the test says: each send's start is seen, and held until released. */
function latches() {
  const started: string[] = [];
  const releases = new Map<string, () => void>();
  const waiters: (() => void)[] = [];
  return {
    open: (name: string) =>
      new Promise<string>((resolve) => {
        started.push(name);
        releases.set(name, () => resolve('4821'));
        for (const wake of waiters.splice(0)) wake();
      }),
    started: async (...names: string[]) => {
      while (!names.every((name) => started.includes(name))) await new Promise<void>((wake) => waiters.push(wake));
    },
    release: (name: string) => releases.get(name)?.(),
    names: () => [...started],
  };
}
