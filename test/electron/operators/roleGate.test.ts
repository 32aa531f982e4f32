import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMainServices, type MainServices } from '../../../electron/app/mainServices';
import type { IpcCaller } from '../../../electron/ipc/router';
import { startTrainingSimulator } from '../../../electron/training/demoSimulator';
import { FileKeyVault } from '../../../electron/vault/fileKeyVault';
import { MANAGER_ONLY, type Channel, type OperatorsView } from '../../../shared/ipc/contract';
import type { ManagerTask } from '../../../shared/ipc/mainWords';

/** One valid request for each manager-only channel. */
const REQUESTS: Record<string, unknown> = {
  saveSettings: { crmUrl: '', organisation: '', username: '' },
  confirmCrmMove: {},
  testConnection: {},
  importUnsyncedWork: { text: '{}' },
  setTraining: { on: false },
  setTrainingFaults: { offline: true },
  addOperator: { name: 'Eleni', role: 'clerk', pin: '8642' },
  removeOperator: { operatorId: 'nobody' },
  resetOperator: { operatorId: 'nobody', pin: '8642' },
};
const MANAGER_CHANNELS = Object.keys(MANAGER_ONLY) as ManagerTask[];

/** Main is the authority: every manager-only channel, called from windows that are not a signed-in manager's. */
describe('the role gate in main', () => {
  let services: MainServices;
  const manager: IpcCaller = { window: 'manager' };
  const clerk: IpcCaller = { window: 'clerk' };
  const nobody: IpcCaller = { window: 'nobody' };

  const call = async (channel: Channel, caller: IpcCaller) => services.router.handle(channel, REQUESTS[channel], caller);
  const view = async (channel: Channel, payload: unknown, caller: IpcCaller) => {
    const reply = await services.router.handle(channel, payload, caller);
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.value as OperatorsView;
  };

  beforeEach(async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'role-gate-'));
    services = createMainServices({ dataDir, vault: new FileKeyVault(join(dataDir, 'vault.key')), training: { start: startTrainingSimulator }, operators: { sleep: async () => undefined } });
    await view('createFirstManager', { name: 'Maria', pin: '2468' }, manager);
    const added = await view('addOperator', { name: 'Nikos', role: 'clerk', pin: '1357' }, manager);
    await view('signIn', { operatorId: added.operators.find((o) => o.name === 'Nikos')?.id, pin: '1357' }, clerk);
  });
  afterEach(() => services.dispose());

  it('has a request for every manager-only channel', () => {
    expect(Object.keys(REQUESTS).sort()).toEqual([...MANAGER_CHANNELS].sort());
  });

  it('refuses each to a window nobody signed in at, to a clerk, and to a locked manager', async () => {
    for (const channel of MANAGER_CHANNELS) {
      expect(await call(channel, nobody), channel).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Nobody is signed in at this window. Sign in first.', words: { code: 'notSignedIn' } },
      });
      expect(await call(channel, clerk), channel).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: `Only a manager can ${MANAGER_ONLY[channel]}. Ask a manager to sign in, or to approve it.`, words: { code: 'managerOnly', task: channel } },
      });
    }
    await view('lockScreen', {}, manager);
    for (const channel of MANAGER_CHANNELS) {
      expect(await call(channel, manager), channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'The screen is locked. Sign in again first.', words: { code: 'screenLocked' } } });
    }
  });

  it('lets a signed-in manager through to each channel', async () => {
    for (const channel of MANAGER_CHANNELS) {
      const reply = await call(channel, manager);
      if (!reply.ok) expect(reply.error.code, `${channel}: ${reply.error.message}`).not.toBe('FORBIDDEN');
    }
  });

  it('leaves the clerk’s own work open: sealing, pushing and reading the settings', async () => {
    for (const [channel, payload] of [['sealSecret', { plaintext: '1234' }], ['pushOperations', { operations: [] }], ['getSettings', {}], ['getTraining', {}]] as const) {
      expect(await services.router.handle(channel, payload, clerk), channel).toMatchObject({ ok: true });
    }
  });
});
