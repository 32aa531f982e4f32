import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CrmCode } from '../../../shared/crm/statusCodes';
import type { BaseVersion, CreateOperation, Operation, OperationResult, SetStateOperation } from '../../../shared/ipc/contract';
import { CrmSession } from '../../../electron/crm/crmSession';
import { MAX_UNKNOWN_ATTEMPTS, sendBatch, type BatchDeps } from '../../../electron/sync/upstreamBatch';
import { FileKeyVault } from '../../../electron/vault/fileKeyVault';
import { startCrmSim, type CrmSim } from '../../crm-sim/simulator';
import { callsTo, clientFor, DEMO_LOGIN, newCode, sessionFor } from '../simHelpers';

let seq = 0;
function create(tokenLocalId: string, fields: Partial<CreateOperation> = {}): CreateOperation {
  seq += 1;
  return { kind: 'create', seq, tokenLocalId, attempt: 1, authenticationCode: newCode(), identifier: null, sealedPassCode: null, participantNumber: null, ...fields };
}
function baseOf(of: CreateOperation, lifeCycleState: SetStateOperation['target'] = 'EFFECTIVE'): BaseVersion {
  return { updatedDate: null, lifeCycleState, identifier: of.identifier };
}
function setState(of: CreateOperation, target: SetStateOperation['target'], attempt = 1): SetStateOperation {
  seq += 1;
  const base = baseOf(of, target === 'EFFECTIVE' ? 'NOT_EFFECTIVE' : 'EFFECTIVE');
  return { kind: 'setState', seq, tokenLocalId: of.tokenLocalId, attempt, authenticationCode: of.authenticationCode, base, target };
}
const outcomes = (results: OperationResult[]) => results.map((r) => r.outcome);

describe('an upstream batch against the simulator', () => {
  let sim: CrmSim;
  let vault: FileKeyVault;
  let deps: BatchDeps;
  const simHas = (code: string) => sim.tokens().filter((t) => t.authentication_code === code).length;

  beforeAll(async () => {
    sim = await startCrmSim();
    vault = new FileKeyVault(join(await mkdtemp(join(tmpdir(), 'push-')), 'vault.key'));
  });
  beforeEach(async () => {
    await sim.setSwitches({ failNext: 0, dropNextReplies: 0, latencyMs: 0, replyDelayMs: 0, faultsOnly: null, refuseConnections: false });
    const session = sessionFor(sim);
    await session.open();
    deps = { session: async () => session, unseal: (s) => vault.unseal(s) };
  });
  afterAll(() => sim.close());

  it('sends nothing without a configured CRM', async () => {
    const ops = [create('a'), create('b')];
    const reply = await sendBatch(ops, { ...deps, session: async () => null });
    expect(reply.crm).toBe('unconfigured');
    expect(outcomes(reply.results)).toEqual(['blocked', 'blocked']);
  });

  it('sends nothing when the login is refused or the CRM is down', async () => {
    const wrong = new CrmSession(clientFor(sim), { ...DEMO_LOGIN, password: 'bad' });
    const refused = await sendBatch([create('a')], { ...deps, session: async () => wrong });
    expect(refused).toMatchObject({ crm: 'loginFailed', results: [{ outcome: 'blocked' }] });
    await sim.stop();
    const down = await sendBatch([create('a')], { ...deps, session: async () => sessionFor(sim) });
    expect(down).toMatchObject({ crm: 'unreachable', results: [{ outcome: 'blocked' }] });
  });

  it('creates with an unsealed pass code and runs one token’s operations in order', async () => {
    const op = create('t1', { identifier: `C${newCode()}`, sealedPassCode: await vault.seal('4321'), participantNumber: '1' });
    const off = setState(op, 'NOT_EFFECTIVE');
    const reply = await sendBatch([op, off], deps);
    expect(reply.crm).toBe('ok');
    expect(outcomes(reply.results)).toEqual(['done', 'done']);
    const record = sim.tokens().find((t) => t.authentication_code === op.authenticationCode);
    expect(record).toMatchObject({ pass_code: '4321', life_cycle_state: 'NOT_EFFECTIVE', identifier: op.identifier });
    const last = reply.results[1];
    expect(last?.outcome === 'done' && last.token.lifeCycleState).toBe('NOT_EFFECTIVE');
  });

  it('adopts a create whose reply was lost instead of making a twin', async () => {
    const op = create('t2');
    await sim.setSwitches({ dropNextReplies: 1 });
    const first = await sendBatch([op], deps);
    expect(first).toMatchObject({ crm: 'unreachable', results: [{ outcome: 'retry' }] });
    expect(simHas(op.authenticationCode)).toBe(1);
    const creates = callsTo(sim, 'create');
    const second = await sendBatch([{ ...op, attempt: 2 }], deps);
    expect(second.results[0]).toMatchObject({ outcome: 'done', adopted: true });
    expect(callsTo(sim, 'create')).toBe(creates);
    expect(simHas(op.authenticationCode)).toBe(1);
  });

  it('creates on a retry when the earlier send never landed', async () => {
    const op = create('t3');
    await sim.setSwitches({ failNext: 1 });
    expect((await sendBatch([op], deps)).results[0]).toMatchObject({ outcome: 'retry', error: { code: 'HTTP_500' } });
    const second = await sendBatch([{ ...op, attempt: 2 }], deps);
    expect(second.results[0]).toMatchObject({ outcome: 'done', adopted: false });
    expect(simHas(op.authenticationCode)).toBe(1);
  });

  it('skips a repeated state change that already landed', async () => {
    const op = create('t4');
    await sendBatch([op], deps);
    const off = setState(op, 'NOT_EFFECTIVE');
    await sim.setSwitches({ dropNextReplies: 1, faultsOnly: 'access_tokens/set_as_not_effective' });
    expect((await sendBatch([off], deps)).results[0]?.outcome).toBe('retry');
    const again = await sendBatch([{ ...off, attempt: 2 }], deps);
    expect(again.results[0]).toMatchObject({ outcome: 'done', adopted: true });
  });

  it('parks a permanent refusal, blocks that token’s later operations, and lets other tokens flow', async () => {
    const taken = create('t5', { identifier: `T${newCode()}`, sealedPassCode: await vault.seal('1234') });
    await sendBatch([taken], deps);
    const twin = create('t6', { identifier: taken.identifier, sealedPassCode: await vault.seal('1234') });
    const twinOff = setState(twin, 'NOT_EFFECTIVE');
    const other = create('t7');
    const reply = await sendBatch([twin, twinOff, other], deps);
    expect(outcomes(reply.results)).toEqual(['parked', 'blocked', 'done']);
    expect(reply.results[0]).toMatchObject({ error: { code: CrmCode.identifierExists } });
    expect(simHas(twin.authenticationCode)).toBe(0);
  });

  it('logs in again mid-batch when the session expires', async () => {
    const a = create('t8');
    await sendBatch([a], deps);
    sim.expireSessions();
    const b = create('t9');
    const reply = await sendBatch([setState(a, 'NOT_EFFECTIVE'), b], deps);
    expect(outcomes(reply.results)).toEqual(['done', 'done']);
  });

  it('retries an unknown CRM error a bounded number of times, then parks it', async () => {
    const odd = JSON.stringify({ status: { code: 'COM.CRM.EXCEPTION.NEWTHING', message: 'Something new', description: null }, data: null });
    const strange: typeof fetch = async (input, init) =>
      String(input).endsWith('/access_tokens/create') ? new Response(odd) : fetch(input, init);
    const session = sessionFor(sim, { fetch: strange });
    const strangeDeps: BatchDeps = { ...deps, session: async () => session };
    const op = create('t10');
    expect((await sendBatch([op], strangeDeps)).results[0]?.outcome).toBe('retry');
    const last = await sendBatch([{ ...op, attempt: MAX_UNKNOWN_ATTEMPTS }], strangeDeps);
    expect(last.results[0]).toMatchObject({ outcome: 'parked', error: { code: 'COM.CRM.EXCEPTION.NEWTHING', message: 'Something new' } });
  });

  it('parks an operation whose sealed pass code cannot be opened', async () => {
    const op = create('t11', { identifier: `S${newCode()}`, sealedPassCode: 'v1:AAAA' });
    const reply = await sendBatch([op], deps);
    expect(reply.results[0]).toMatchObject({ outcome: 'parked', error: { code: 'LOCAL_ERROR' } });
  });

  it('updates identifier, pass code and code, and finishes a lost update on retry', async () => {
    const op = create('t12', { identifier: `U${newCode()}`, sealedPassCode: await vault.seal('1111') });
    await sendBatch([op], deps);
    seq += 1;
    const next = newCode();
    const update: Operation = {
      kind: 'update', seq, tokenLocalId: 't12', attempt: 1, authenticationCode: op.authenticationCode, base: baseOf(op),
      identifier: `W${newCode()}`, sealedPassCode: await vault.seal('2222'), newAuthenticationCode: next,
    };
    await sim.setSwitches({ dropNextReplies: 1, faultsOnly: 'access_tokens/update' });
    expect((await sendBatch([update], deps)).results[0]?.outcome).toBe('retry');
    const again = await sendBatch([{ ...update, attempt: 2 }], deps);
    expect(again.results[0]).toMatchObject({ outcome: 'done', adopted: true });
    const record = sim.tokens().find((t) => t.authentication_code === next);
    expect(record).toMatchObject({ identifier: update.identifier, pass_code: '2222' });
    expect(simHas(op.authenticationCode)).toBe(0);
  });

  it('finishes a lost pass code change on retry by asking with the new pass code', async () => {
    const identifier = `K${newCode()}`;
    const op = create('t13', { identifier, sealedPassCode: await vault.seal('1111') });
    await sendBatch([op], deps);
    seq += 1;
    const update: Operation = {
      kind: 'update', seq, tokenLocalId: 't13', attempt: 1, authenticationCode: op.authenticationCode, base: baseOf(op),
      identifier, sealedPassCode: await vault.seal('9999'),
    };
    await sim.setSwitches({ failNext: 1, faultsOnly: 'access_tokens/update' });
    expect((await sendBatch([update], deps)).results[0]?.outcome).toBe('retry');
    const again = await sendBatch([{ ...update, attempt: 2 }], deps);
    expect(again.results[0]).toMatchObject({ outcome: 'done', adopted: false });
    await sim.setSwitches({ dropNextReplies: 1 });
    const lost = { ...update, sealedPassCode: await vault.seal('7777') };
    expect((await sendBatch([lost], deps)).results[0]?.outcome).toBe('retry');
    expect((await sendBatch([{ ...lost, attempt: 2 }], deps)).results[0]).toMatchObject({ outcome: 'done', adopted: true });
    expect(sim.tokens().find((t) => t.authentication_code === op.authenticationCode)?.pass_code).toBe('7777');
  });

  it('keeps an operation queued when the CRM’s reply cannot be read', async () => {
    const garbled: typeof fetch = async (input, init) =>
      String(input).endsWith('/access_tokens/create') ? new Response('<html>Gateway says hi</html>') : fetch(input, init);
    const session = sessionFor(sim, { fetch: garbled });
    await session.open();
    const op = create('t14');
    const reply = await sendBatch([op], { ...deps, session: async () => session });
    expect(reply.results[0]).toMatchObject({ outcome: 'retry', error: { code: 'BAD_REPLY' } });
  });

  it('reports a conflict when the CRM changed the identifier to a third value, and merges other fields', async () => {
    const identifier = `X${newCode()}`;
    const op = create('t15', { identifier, sealedPassCode: await vault.seal('1234') });
    await sendBatch([op], deps);
    const elsewhere = `Y${newCode()}`;
    const other = sessionFor(sim);
    await other.call((c, t) => c.updateToken(t, { access_token_identifier: { authentication_code: op.authenticationCode }, identifier: elsewhere, pass_code: '5555' }));
    seq += 1;
    const mine: Operation = {
      kind: 'update', seq, tokenLocalId: 't15', attempt: 1, authenticationCode: op.authenticationCode, base: baseOf(op),
      identifier: `Z${newCode()}`, sealedPassCode: await vault.seal('6666'),
    };
    const reply = await sendBatch([mine, setState(op, 'NOT_EFFECTIVE')], deps);
    expect(reply.results[0]).toMatchObject({ outcome: 'conflict', conflicts: [{ field: 'identifier', crm: elsewhere, mine: mine.identifier }] });
    expect(reply.results[1]?.outcome).toBe('blocked');
    expect(sim.tokens().find((t) => t.authentication_code === op.authenticationCode)?.identifier).toBe(elsewhere);

    const stateOnly = await sendBatch([setState(op, 'NOT_EFFECTIVE')], deps);
    expect(stateOnly.results[0]).toMatchObject({ outcome: 'done', token: { identifier: elsewhere, lifeCycleState: 'NOT_EFFECTIVE' } });
  });

  it('treats a state change another counter already made as done, not as an error', async () => {
    const op = create('t16');
    await sendBatch([op], deps);
    await sessionFor(sim).call((c, t) => c.setLifeCycleState(t, { authentication_code: op.authenticationCode }, 'NOT_EFFECTIVE'));
    const reply = await sendBatch([setState(op, 'NOT_EFFECTIVE')], deps);
    expect(reply.results[0]).toMatchObject({ outcome: 'done', adopted: true, token: { lifeCycleState: 'NOT_EFFECTIVE' } });
  });

  it('parks a change to a token the CRM no longer knows', async () => {
    const ghost = create('t17');
    const reply = await sendBatch([setState(ghost, 'NOT_EFFECTIVE')], deps);
    expect(reply.results[0]).toMatchObject({ outcome: 'parked', error: { code: 'NOT_IN_CRM', message: expect.stringContaining('no longer knows') } });
  });

  it('creates with a classification when one is chosen', async () => {
    const classification = (await sessionFor(sim).call((c, t) => c.listClassifications(t)))[0];
    const op = create('t18', { classificationId: classification?.id ?? null });
    const reply = await sendBatch([op], deps);
    expect(reply.results[0]).toMatchObject({ outcome: 'done', token: { classificationName: classification?.name } });
    expect(sim.tokens().find((t) => t.authentication_code === op.authenticationCode)?.classification_id).toBe(classification?.id);
  });
});
