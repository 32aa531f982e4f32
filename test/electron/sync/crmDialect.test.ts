import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CreateOperation, Operation, SetStateOperation, VerifyOperation } from '../../../shared/ipc/contract';
import { describeDialect } from '../../../shared/crm/dialect';
import { calibrate } from '../../../electron/crm/calibration';
import { CrmClient } from '../../../electron/crm/crmClient';
import { CrmSession } from '../../../electron/crm/crmSession';
import { DialectStore, LiveDialect } from '../../../electron/crm/dialectStore';
import { participantTokens, refreshTokens } from '../../../electron/sync/crmReads';
import { RELEASE_CANNOT_SWITCH } from '../../../electron/sync/operationRunner';
import { sendBatch } from '../../../electron/sync/upstreamBatch';
import { FileKeyVault } from '../../../electron/vault/fileKeyVault';
import { startCrmSim, type CrmSim, type CrmSimOptions } from '../../crm-sim/simulator';
import { callsTo, DEMO_LOGIN, newCode } from '../simHelpers';

let seq = 0;
let sim: CrmSim | undefined;
afterEach(() => sim?.close());

/** A session on a fresh simulator whose dialect lives in a temporary store; `calibrated` runs calibration at first sign-in. */
async function setUp(options: CrmSimOptions, calibrated: boolean, now?: () => number) {
  sim = await startCrmSim(options);
  const dir = await mkdtemp(join(tmpdir(), 'dialect-'));
  const live = await LiveDialect.open(new DialectStore(join(dir, 'dialects.json')), sim.url);
  const client = new CrmClient({ serverUrl: sim.url, dialect: () => live.current });
  const session = new CrmSession(client, DEMO_LOGIN, undefined, {
    afterFirstLogin: calibrated ? async (c, t) => live.learn(await calibrate(c, t)) : undefined,
    now,
  });
  const vault = new FileKeyVault(join(dir, 'vault.key'));
  const push = (ops: Operation[]) =>
    sendBatch(ops, { session: async () => session, unseal: (s) => vault.unseal(s), onCodeReplaced: () => live.markGeneratesCodes() });
  return { sim, live, session, vault, push };
}

function create(fields: Partial<CreateOperation> = {}): CreateOperation {
  seq += 1;
  return { kind: 'create', seq, tokenLocalId: `t${seq}`, attempt: 1, authenticationCode: newCode(), identifier: null, sealedPassCode: null, participantNumber: null, ...fields };
}
const base = { updatedDate: null, identifier: null } as const;
function setState(code: string, target: SetStateOperation['target'], from: SetStateOperation['base']['lifeCycleState']): SetStateOperation {
  seq += 1;
  return { kind: 'setState', seq, tokenLocalId: `s${seq}`, attempt: 1, authenticationCode: code, base: { ...base, lifeCycleState: from }, target };
}

describe('calibration against a server whose error codes are renamed', () => {
  it('learns every answer with its HTTP status, and Settings can say what was learned', async () => {
    const { live, session } = await setUp({ profile: 'r13', dialect: 'renamed' }, true);
    await session.open();
    expect(live.current.record.answers).toEqual({
      tokenNotFound: { code: 'ACME.FAULT.TOKEN_NOT_FOUND', httpStatus: 404 },
      participantNotFound: { code: 'ACME.FAULT.PARTICIPANT_NOT_FOUND', httpStatus: 404 },
      sessionInvalid: { code: 'ACME.FAULT.INVALID_TOKEN', httpStatus: 401 },
      methodNotFound: { code: 'ACME.FAULT.METHOD_NOT_FOUND', httpStatus: 404 },
    });
    expect(describeDialect(live.current.record)).toContainEqual({ code: 'answers', meaning: 'tokenNotFound', crmCode: 'ACME.FAULT.TOKEN_NOT_FOUND', httpStatus: 404 });
  });

  it('before calibration, an unknown answer to the show-before-retry never leads to a create and is retried, not parked', async () => {
    const { sim: crm, push } = await setUp({ profile: 'r13', dialect: 'renamed' }, false);
    const op = create();
    await crm.setSwitches({ dropNextReplies: 1, faultsOnly: 'access_tokens/create' });
    expect((await push([op])).results[0]).toMatchObject({ outcome: 'retry' });
    const creates = callsTo(crm, 'create');
    const other = create({ attempt: 6 });
    const reply = await push([other]);
    expect(reply.results[0]).toMatchObject({ outcome: 'retry', error: { reason: 'unrecognisedCheck', code: 'ACME.FAULT.TOKEN_NOT_FOUND' } });
    expect(callsTo(crm, 'create')).toBe(creates);
    expect((await push([{ ...op, attempt: 2 }])).results[0]).toMatchObject({ outcome: 'done', adopted: true });
  });

  it('after calibration, a lost create reply is adopted and a fresh retry is created once; an expired session logs in again', async () => {
    const { sim: crm, push } = await setUp({ profile: 'r13', dialect: 'renamed' }, true);
    const lost = create();
    await crm.setSwitches({ dropNextReplies: 1, faultsOnly: 'access_tokens/create' });
    await push([lost]);
    crm.expireSessions();
    const fresh = create({ attempt: 3 });
    const reply = await push([{ ...lost, attempt: 2 }, fresh]);
    expect(reply.results).toMatchObject([{ outcome: 'done', adopted: true }, { outcome: 'done', adopted: false, token: { number: expect.stringMatching(/^AT\d{10}$/) } }]);
    expect(crm.tokens().filter((t) => t.authentication_code === lost.authenticationCode)).toHaveLength(1);
  });

  it('says "no such participant" only when the CRM says so, and "could not ask" otherwise', async () => {
    const calibrated = await setUp({ profile: 'r13', dialect: 'renamed' }, true);
    await calibrated.session.open();
    expect(await participantTokens(async () => calibrated.session, '999')).toMatchObject({ crm: 'ok', participant: null });
    const owned = await participantTokens(async () => calibrated.session, '1');
    expect(owned.participant).toMatchObject({ number: '1', ownerName: expect.any(String) });
    expect(owned.tokens.some((t) => t.lifeCycleState === 'PENDING_VERIFICATION')).toBe(true);
    await calibrated.sim.close();
    const guessing = await setUp({ profile: 'r13', dialect: 'renamed' }, false);
    const reply = await participantTokens(async () => guessing.session, '999');
    expect(reply).toMatchObject({ crm: 'unreachable', participant: null, message: expect.stringContaining('Could not ask the CRM') });
    expect((await refreshTokens(async () => guessing.session, ['NOSUCHCODE'])).crm).toBe('unreachable');
  });
});

describe('release limits and states', () => {
  it('parks a switch on a release without set_as_* with the plain reason', async () => {
    const missingMethods = ['access_tokens/set_as_effective', 'access_tokens/set_as_not_effective'];
    const { sim: crm, push } = await setUp({ profile: 'r5', dialect: 'renamed', missingMethods }, true);
    const code = crm.tokens()[0]!.authentication_code;
    const reply = await push([setState(code, 'NOT_EFFECTIVE', 'EFFECTIVE')]);
    expect(reply.results[0]).toMatchObject({ outcome: 'parked', error: { message: RELEASE_CANNOT_SWITCH, reason: 'releaseCannotSwitch' } });
  });

  it('never sends a switch for a pending token, and verifies it with the customer code', async () => {
    const { sim: crm, push, vault } = await setUp({ profile: 'r13', dialect: 'renamed' }, true);
    const pending = crm.tokens().find((t) => t.life_cycle_state === 'PENDING_VERIFICATION')!;
    const before = callsTo(crm, 'set_as_effective');
    const refused = await push([setState(pending.authentication_code, 'EFFECTIVE', 'PENDING_VERIFICATION')]);
    expect(refused.results[0]).toMatchObject({ outcome: 'parked', error: { message: expect.stringContaining('pending verification') } });
    expect(callsTo(crm, 'set_as_effective')).toBe(before);
    seq += 1;
    const verify: VerifyOperation = {
      kind: 'verify',
      seq,
      tokenLocalId: 'v',
      attempt: 1,
      authenticationCode: pending.authentication_code,
      base: { ...base, lifeCycleState: 'PENDING_VERIFICATION' },
      sealedVerificationCode: await vault.seal(crm.verificationCode(pending.authentication_code) ?? ''),
    };
    expect((await push([verify])).results[0]).toMatchObject({ outcome: 'done', token: { lifeCycleState: 'EFFECTIVE' } });
    expect((await push([{ ...verify, seq: seq + 1, attempt: 2 }])).results[0]).toMatchObject({ outcome: 'done', adopted: true });
  });

  it('parks a verification code the CRM refuses once, in a sentence that says what to do, and sends it no more', async () => {
    const { sim: crm, push, vault } = await setUp({ profile: 'r13', dialect: 'renamed' }, true);
    const pending = crm.tokens().find((t) => t.life_cycle_state === 'PENDING_VERIFICATION')!;
    const right = crm.verificationCode(pending.authentication_code) ?? '';
    seq += 1;
    const wrong: VerifyOperation = {
      kind: 'verify',
      seq,
      tokenLocalId: 'w',
      attempt: 1,
      authenticationCode: pending.authentication_code,
      base: { ...base, lifeCycleState: 'PENDING_VERIFICATION' },
      sealedVerificationCode: await vault.seal(right === '000000' ? '111111' : '000000'),
    };
    const reply = await push([wrong]);
    expect(reply.results[0]).toMatchObject({
      outcome: 'parked',
      error: { reason: 'verificationRefused', message: expect.stringMatching(/^The CRM did not accept this verification code\. .*enter it again\.$/) },
    });
    expect(callsTo(crm, 'verify')).toBe(1);
    expect(crm.tokens().find((t) => t.id === pending.id)?.life_cycle_state).toBe('PENDING_VERIFICATION');
  });

  it('adopts the code a server makes itself, records it, and reconciles a lost reply by identifier and pass code', async () => {
    const { sim: crm, push, live, vault } = await setUp({ profile: 'r13', dialect: 'renamed', generatesCodes: true }, true);
    const op = create({ identifier: 'CARD77', sealedPassCode: await vault.seal('4711') });
    const reply = await push([op]);
    expect(reply.results[0]).toMatchObject({ outcome: 'done' });
    const made = reply.results[0]!.outcome === 'done' ? reply.results[0]!.token.authenticationCode : '';
    expect(made).not.toBe(op.authenticationCode);
    expect(live.current.record.generatesCodes).toBe(true);
    const lost = create({ identifier: 'CARD78', sealedPassCode: await vault.seal('4712') });
    await crm.setSwitches({ dropNextReplies: 1, faultsOnly: 'access_tokens/create' });
    await push([lost]);
    expect((await push([{ ...lost, attempt: 2 }])).results[0]).toMatchObject({ outcome: 'done', adopted: true, token: { identifier: 'CARD78' } });
    expect(crm.tokens().filter((t) => t.identifier === 'CARD78')).toHaveLength(1);
  });
});

describe('sessions', () => {
  it('logs in again before a JWT session expires, and a failed release is reported, not raised', async () => {
    let clock = Date.now();
    const { sim: crm, session } = await setUp({ profile: 'r13', now: () => clock }, false, () => clock);
    await session.call((c, t) => c.listClassifications(t));
    const logins = callsTo(crm, 'token');
    clock += 2 * 3_600_000 - 60_000;
    await session.call((c, t) => c.listClassifications(t));
    expect(callsTo(crm, 'token')).toBe(logins + 1);
    const failures: unknown[] = [];
    const broken = new CrmSession(new CrmClient({ serverUrl: crm.url, fetch: async () => new Response('nope', { status: 500 }) }), DEMO_LOGIN, undefined, {
      onReleaseFailed: (error) => failures.push(error),
    });
    await expect(broken.close()).resolves.toBeUndefined();
    await session.close();
    expect(failures).toEqual([]);
  });
});
