import { createServer, type Server } from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateOperation, IpcEnvelope } from '../../shared/ipc/contract';
import { createMainServices, type MainServices } from '../../electron/app/mainServices';
import { startTrainingSimulator } from '../../electron/training/demoSimulator';
import { FileKeyVault } from '../../electron/vault/fileKeyVault';
import { signInManager } from '../electron/signedIn';
import { startCrmSim, type CrmSim } from '../crm-sim/simulator';
import { newCode } from '../electron/simHelpers';

/** A server that records every request body it receives and relays it to the simulator, as a real other CRM (or a thief in the middle) would. */
async function startCaptureServer(target: string): Promise<{ url: string; bodies: string[]; close(): Promise<void> }> {
  const bodies: string[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      bodies.push(`${request.method ?? ''} ${request.url ?? ''} ${body}`);
      const headers = { 'content-type': request.headers['content-type'] ?? 'application/json', authorization: request.headers.authorization ?? '' };
      void fetch(`${target}${request.url ?? ''}`, { method: request.method, headers, body: request.method === 'GET' ? undefined : body }).then(
        async (reply) => {
          response.writeHead(reply.status, { 'content-type': reply.headers.get('content-type') ?? 'application/json' });
          response.end(Buffer.from(await reply.arrayBuffer()));
        },
        () => response.destroy(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, bodies, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function value<T>(envelope: IpcEnvelope): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

describe('credentials bound to their CRM origin', () => {
  let sim: CrmSim;
  let capture: Awaited<ReturnType<typeof startCaptureServer>>;
  let main: MainServices;
  const call = async <T>(channel: string, payload: unknown) => value<T>(await main.router.handle(channel, payload));

  beforeAll(async () => {
    sim = await startCrmSim();
    capture = await startCaptureServer(sim.url);
    const dataDir = await mkdtemp(join(tmpdir(), 'bound-'));
    main = createMainServices({ dataDir, vault: new FileKeyVault(join(dataDir, 'vault.key')), training: { start: startTrainingSimulator } });
    await signInManager(main.router);
  });
  afterAll(async () => {
    await main.dispose();
    await capture.close();
    await sim.close();
  });

  it('never sends the stored password or a queued pass code to a new origin without re-entry and confirmation', async () => {
    const passCode = '48291377';
    const login = { organisation: 'DEMO', username: 'demo' };
    await call('saveSettings', { crmUrl: sim.url, ...login, password: 'demo' });
    const { sealed } = await call<{ sealed: string }>('sealSecret', { plaintext: passCode });
    const op: CreateOperation = {
      kind: 'create', seq: 1, tokenLocalId: 'local-1', attempt: 1, authenticationCode: newCode(), identifier: `ID${Date.now()}`, sealedPassCode: sealed, participantNumber: null,
    };

    // The URL moves to the other server, the password field left blank ("keep it").
    const moved = await call<{ passwordSet: boolean; waitingMoveFrom: string[] }>('saveSettings', { crmUrl: capture.url, ...login });
    expect(moved).toMatchObject({ passwordSet: false, waitingMoveFrom: [new URL(sim.url).origin] });
    expect(await call('testConnection', {})).toMatchObject({ crm: 'unconfigured' });
    expect(await call('pushOperations', { operations: [op] })).toMatchObject({ crm: 'unconfigured', results: [{ outcome: 'blocked' }] });
    expect(await call('checkPassCode', { identifier: op.identifier, sealedPassCode: sealed })).toMatchObject({ crm: 'unconfigured', valid: null });
    expect(capture.bodies).toEqual([]);

    // The password typed again for the new server: the queued pass code still waits, and says why.
    await call('saveSettings', { crmUrl: capture.url, ...login, password: 'demo' });
    const held = await call('pushOperations', { operations: [op] });
    expect(held).toMatchObject({ results: [{ outcome: 'retry', error: { code: 'HELD_FOR_ANOTHER_CRM', message: expect.stringMatching(/confirm the move/) } }] });
    expect(await call('checkPassCode', { identifier: op.identifier, sealedPassCode: sealed })).toMatchObject({ crm: 'localError', valid: null });
    expect(capture.bodies.length).toBeGreaterThan(0);
    expect(capture.bodies.join('\n')).not.toContain(passCode);
    expect(capture.bodies.join('\n')).not.toContain(op.authenticationCode);

    // Once the operator confirms the move, it goes (the capture server would have seen it).
    await call('confirmCrmMove', {});
    expect(await call('pushOperations', { operations: [{ ...op, attempt: 2 }] })).toMatchObject({ crm: 'ok', results: [{ outcome: 'done' }] });
    expect(capture.bodies.join('\n')).toContain(passCode);
  });

  it('refuses plain http:// to another computer, changing nothing', async () => {
    await expect(call('saveSettings', { crmUrl: 'http://crm.example.com', organisation: 'DEMO', username: 'demo' })).rejects.toThrow(/https:\/\//);
    expect(await call('getSettings', {})).toMatchObject({ crmUrl: capture.url });
  });
});
