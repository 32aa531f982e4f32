import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpcEnvelope } from '../../../shared/ipc/contract';
import { createMainServices, type MainServices } from '../../../electron/app/mainServices';
import { FileKeyVault } from '../../../electron/vault/fileKeyVault';
import { signInManager } from '../signedIn';
import { startCrmSim, type CrmSim } from '../../crm-sim/simulator';
import { startTrainingSimulator } from '../../../electron/training/demoSimulator';

/** The simulator's stock reply with two bad records added: one with a 3,000-character code, one malformed. */
const withBadRecords: typeof fetch = async (input, init) => {
  const reply = await fetch(input, init);
  if (!String(input instanceof Request ? input.url : input).includes('get_not_associated')) return reply;
  const body = (await reply.json()) as { data: Array<Record<string, unknown>> };
  const first = body.data[0];
  if (!first) throw new Error('the simulator has no stock');
  body.data.splice(1, 0, { ...first, id: 'HUGE', authentication_code: 'A1'.repeat(1500) }, { id: 42 });
  return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
};

describe('CRM records bounded at the edge', () => {
  let sim: CrmSim;
  let main: MainServices;
  let dataDir: string;

  beforeAll(async () => {
    sim = await startCrmSim();
    dataDir = await mkdtemp(join(tmpdir(), 'bounded-'));
    main = createMainServices({ dataDir, vault: new FileKeyVault(join(dataDir, 'vault.key')), fetch: withBadRecords, training: { start: startTrainingSimulator } });
    await signInManager(main.router);
  });
  afterAll(async () => {
    await main.dispose();
    await sim.close();
  });

  it('skips and logs a token with a 3,000-character code (and a malformed one); the other tokens still come', async () => {
    const saved = await main.router.handle('saveSettings', { crmUrl: sim.url, organisation: 'DEMO', username: 'demo', password: 'demo' });
    expect(saved.ok).toBe(true);
    const login = (await (await fetch(`${sim.url}/crmapi/rest/v2/authentication/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo', password: 'demo', organisation: 'DEMO' }) })).json()) as { data: { token: string } };
    // What the simulator itself answers, without the two bad records.
    const stock = (await fetch(`${sim.url}/crmapi/rest/v2/access_tokens/get_not_associated?token=${login.data.token}&number=5&life_cycle_state=EFFECTIVE`).then((r) => r.json())) as { data: unknown[] };

    const reply: IpcEnvelope = await main.router.handle('fetchStock', { count: 5 });
    expect(reply.ok).toBe(true);
    const value = reply.ok ? (reply.value as { crm: string; tokens: Array<{ id: string; authenticationCode: string }> }) : null;
    expect(value?.crm).toBe('ok');
    expect(value?.tokens).toHaveLength(stock.data.length);
    expect(value?.tokens.every((t) => t.authenticationCode.length <= 128)).toBe(true);

    await main.log.flush();
    const log = await readFile(join(dataDir, 'logs', 'main.log'), 'utf8');
    expect(log).toMatch(/Skipped a CRM record.*authentication code is 3000 characters long/);
    expect(log).toMatch(/Skipped a CRM record.*access token/);
  });
});
