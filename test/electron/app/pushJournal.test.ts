import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMainServices, type MainServices } from '../../../electron/app/mainServices';
import { startTrainingSimulator } from '../../../electron/training/demoSimulator';
import { FileKeyVault } from '../../../electron/vault/fileKeyVault';
import type { JournalEntry } from '../../../shared/ipc/contract';
import { startCrmSim, type CrmSim } from '../../crm-sim/simulator';
import { signInManager } from '../signedIn';

const entry = (n: number): JournalEntry => ({
  id: `j${n}`,
  queuedAt: n,
  operation: { kind: 'create', seq: n, tokenLocalId: `t${n}`, attempt: 1, authenticationCode: `PUSHJOURNAL${n}`, identifier: null, sealedPassCode: null, participantNumber: null },
  queuedBy: null,
});

describe('a push’s note in the journal', () => {
  let sim: CrmSim;
  let main: MainServices;

  beforeAll(async () => {
    sim = await startCrmSim();
    const dataDir = await mkdtemp(join(tmpdir(), 'push-journal-'));
    main = createMainServices({ dataDir, vault: new FileKeyVault(join(dataDir, 'vault.key')), training: { start: startTrainingSimulator } });
    await signInManager(main.router);
    await main.router.handle('saveSettings', { crmUrl: sim.url, organisation: 'DEMO', username: 'demo', password: 'demo' });
  });
  afterAll(() => sim.close());

  it('is written for the final sync before it counts what stays queued', async () => {
    await main.router.handle('journalAppend', { entries: [entry(1)] });
    expect(await main.finalSync(10_000)).toEqual({ stillQueued: 0 });
  });

  it('follows the window’s answer, and stopping waits for it', async () => {
    const { operation } = entry(2);
    await main.router.handle('journalAppend', { entries: [entry(2)] });
    const reply = await main.router.handle('pushOperations', { operations: [operation] });
    expect(reply).toMatchObject({ ok: true, value: { crm: 'ok', results: [{ seq: 2, outcome: 'done' }] } });
    await main.dispose();
    expect((await main.journal.read()).entries).toEqual([]);
  });
});
