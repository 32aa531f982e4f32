import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMainServices, type MainServices } from '../../../electron/app/mainServices';
import { FileKeyVault } from '../../../electron/vault/fileKeyVault';
import { createTokenDeskApi, type TokenDeskApi } from '../../../shared/ipc/tokenDeskApi';
import { startCrmSim, type CrmSim } from '../../crm-sim/simulator';
import { newCode } from '../simHelpers';
import { signInManager } from '../signedIn';

/** Training mode through the real router: the simulator in this process, and the configured CRM never reached. */
describe('training mode in main', () => {
  let realCrm: CrmSim;
  let trainingSims: CrmSim[];
  let services: MainServices;
  let api: TokenDeskApi;
  let failStart: boolean;

  const open = async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'training-'));
    const start = async () => {
      if (failStart) throw new Error('no free port');
      const sim = await startCrmSim();
      trainingSims.push(sim);
      return sim;
    };
    services = createMainServices({ dataDir, vault: new FileKeyVault(join(dataDir, 'vault.key')), training: { start } });
    api = createTokenDeskApi((channel, payload) => services.router.handle(channel, payload), (deliver) => services.events.subscribe(deliver));
  };

  const create = async (identifier: string | null = null) => {
    const code = newCode();
    const sealed = identifier === null ? null : (await api.sealSecret({ plaintext: '2468' })).sealed;
    return { code, op: { seq: 1, tokenLocalId: `t-${code}`, attempt: 1, authenticationCode: code, kind: 'create' as const, identifier, sealedPassCode: sealed, participantNumber: null } };
  };

  beforeEach(async () => {
    realCrm = await startCrmSim();
    trainingSims = [];
    failStart = false;
    await open();
    await signInManager(services.router);
    await api.saveSettings({ crmUrl: realCrm.url, organisation: 'DEMO', username: 'demo', password: 'demo' });
  });

  afterEach(async () => {
    await services.dispose();
    await realCrm.close();
    for (const sim of trainingSims) await sim.close();
  });

  it('sends training work to the in-process simulator only, and the real settings stay as they were', async () => {
    expect(await api.getTraining({})).toEqual({ on: false, faults: null });
    expect(await api.setTraining({ on: true })).toEqual({ on: true, faults: { offline: false, lostReplies: 0, failures: 0 } });
    const sim = trainingSims[0];
    if (!sim) throw new Error('no simulator started');
    expect(await api.getSettings({})).toMatchObject({ crmUrl: sim.url, organisation: 'DEMO', username: 'demo', configured: true });

    const { code, op } = await create('TRAIN0001');
    expect(await api.pushOperations({ operations: [op], training: true })).toMatchObject({ crm: 'ok', results: [{ outcome: 'done' }] });
    expect(sim.tokens().some((t) => t.authentication_code === code)).toBe(true);
    await expect(api.saveSettings({ crmUrl: 'https://elsewhere.example.com', organisation: 'X', username: 'x' })).rejects.toThrow(/Training mode is on/);

    await api.setTraining({ on: false });
    expect(await api.getSettings({})).toMatchObject({ crmUrl: realCrm.url, configured: true });
    expect(realCrm.calls()).toHaveLength(0);
    await expect(fetch(sim.url)).rejects.toThrow();
  });

  it('refuses a push whose mode differs from main’s, so neither CRM gets the other’s work', async () => {
    await api.setTraining({ on: true });
    const { op } = await create();
    expect(await api.pushOperations({ operations: [op] })).toMatchObject({ crm: 'unreachable', results: [] });
    await api.setTraining({ on: false });
    expect(await api.pushOperations({ operations: [op], training: true })).toMatchObject({ crm: 'unreachable', results: [] });
    expect(realCrm.calls()).toHaveLength(0);
    expect(trainingSims[0]?.calls()).toHaveLength(0);
  });

  it('gives a trainer the simulator’s faults: offline, a lost reply, a server error, and a change made elsewhere', async () => {
    await expect(api.setTrainingFaults({ offline: true })).rejects.toThrow(/Training mode is off/);
    await api.setTraining({ on: true });
    const elsewhere = await create('TRAIN0002');
    await api.pushOperations({ operations: [elsewhere.op], training: true });
    await api.setTrainingFaults({ changeElsewhere: { authenticationCode: elsewhere.code } });
    expect(trainingSims[0]?.tokens().find((t) => t.authentication_code === elsewhere.code)?.identifier).toMatch(/^ELSEWHERE\d{6}$/);

    expect(await api.setTrainingFaults({ loseNextReply: true, failNextCall: true })).toEqual({ on: true, faults: { offline: false, lostReplies: 1, failures: 1 } });
    expect((await api.setTrainingFaults({ offline: true })).faults?.offline).toBe(true);
    const { op } = await create();
    expect(await api.pushOperations({ operations: [op], training: true })).toMatchObject({ crm: 'unreachable' });
    expect(realCrm.calls()).toHaveLength(0);
  });

  it('starts a fresh simulator each time training mode is switched on', async () => {
    await api.setTraining({ on: true });
    const first = await create('TRAIN0003');
    await api.pushOperations({ operations: [first.op], training: true });
    await api.setTraining({ on: false });
    await api.setTraining({ on: true });
    expect(trainingSims).toHaveLength(2);
    expect(trainingSims[1]?.tokens().some((t) => t.authentication_code === first.code)).toBe(false);
  });

  it('stays out of training when the simulator cannot start, and says why', async () => {
    failStart = true;
    await expect(api.setTraining({ on: true })).rejects.toThrow('no free port');
    expect(await api.getTraining({})).toEqual({ on: false, faults: null });
    failStart = false;
    expect((await api.setTraining({ on: true })).on).toBe(true);
  });

  it('lets only a signed-in manager switch, and keeps the mode when a clerk or a locked screen tries', async () => {
    const clerkWindow = { window: 'clerk' };
    const clerk = createTokenDeskApi((channel, payload) => services.router.handle(channel, payload, clerkWindow), () => undefined);
    await api.addOperator({ name: 'Nikos', role: 'clerk', pin: '1357' });
    const nikos = (await api.getOperators({})).operators.find((operator) => operator.name === 'Nikos');
    await clerk.signIn({ operatorId: nikos?.id ?? '', pin: '1357' });
    await expect(clerk.setTraining({ on: true })).rejects.toThrow('Only a manager can switch training mode.');
    await api.lockScreen({});
    await expect(api.setTraining({ on: true })).rejects.toThrow('The screen is locked.');
    expect(await api.getTraining({})).toEqual({ on: false, faults: null });
    expect(trainingSims).toHaveLength(0);
  });
});
