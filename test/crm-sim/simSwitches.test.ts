import { describe, expect, it } from 'vitest';
import { CrmCode } from '../../shared/crm/statusCodes';
import { startCrmSim } from './simulator';
import { apiUrl, errorMessage, freePort, networkErrorCode, okData, tokenOf, useDemoSim } from './simTestKit';

const client = useDemoSim();

const CLASSIFICATIONS = 'access_tokens/configuration/classifications/list';
const createWithCode = (code: string) => fetch(apiUrl(client().sim, 'access_tokens/create'), {
  method: 'POST',
  body: JSON.stringify({ token: client().token, authentication_code: code }),
});
const codes = () => client().sim.tokens().map((t) => t.authentication_code);

async function control(path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const init = body === undefined ? {} : { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) };
  const response = await fetch(`${client().sim.controlUrl}${path}`, init);
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('switches', () => {
  it('latencyMs delays every API call by that long', async () => {
    await client().sim.setSwitches({ latencyMs: 300 });
    const started = performance.now();
    okData(await client().get(CLASSIFICATIONS));
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    await client().sim.setSwitches({ latencyMs: 0 });
    const quick = performance.now();
    okData(await client().get(CLASSIFICATIONS));
    expect(performance.now() - quick).toBeLessThan(250);
  });

  it('failNext answers HTTP 500 in plain text and does nothing, then recovers', async () => {
    await client().sim.setSwitches({ failNext: 2 });
    for (let i = 0; i < 2; i += 1) {
      const response = await createWithCode('FAILED000001');
      expect(response.status).toBe(500);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await response.text()).toMatch(/failNext/);
    }
    expect(codes()).not.toContain('FAILED000001');
    expect(client().sim.switches().failNext).toBe(0);
    expect(client().sim.calls().filter((c) => c.path.endsWith('/access_tokens/create'))).toHaveLength(2);
    expect(tokenOf(await client().post('access_tokens/create', { authentication_code: 'FAILED000001' })).number).toBe('14');
  });

  it('dropNextReplies commits the call but never answers', async () => {
    await client().sim.setSwitches({ dropNextReplies: 1 });
    expect(await networkErrorCode(createWithCode('DROPPED00001'))).not.toBe('');
    expect(codes()).toContain('DROPPED00001');
    expect(client().sim.switches().dropNextReplies).toBe(0);
    const found = tokenOf(await client().post('access_tokens/show', { access_token_identifier: { authentication_code: 'DROPPED00001' } }));
    expect(found.number).toBe('14');
  });

  it('faultsOnly aims failNext and dropNextReplies at one method, leaving other calls alone', async () => {
    await client().sim.setSwitches({ faultsOnly: 'access_tokens/create', failNext: 1, dropNextReplies: 1 });
    okData(await client().get(CLASSIFICATIONS));
    expect(client().sim.switches()).toMatchObject({ failNext: 1, dropNextReplies: 1 });
    expect((await createWithCode('AIMED0000001')).status).toBe(500);
    expect(await networkErrorCode(createWithCode('AIMED0000001'))).not.toBe('');
    expect(codes()).toContain('AIMED0000001');
    await client().sim.setSwitches({ faultsOnly: null });
  });

  it('replyDelayMs commits first and answers later', async () => {
    await client().sim.setSwitches({ replyDelayMs: 300 });
    const started = performance.now();
    const reply = createWithCode('LATEREPLY001');
    await new Promise((r) => setTimeout(r, 150));
    expect(codes()).toContain('LATEREPLY001');
    tokenOf(await (await reply).json());
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    await client().sim.setSwitches({ replyDelayMs: 0 });
  });

  it('refuseConnections closes the API (keep-alive sockets too) and reopens it on the same port with state kept', async () => {
    tokenOf(await client().post('access_tokens/create', { authentication_code: 'BEFORESTOP01' }));
    const port = client().sim.port;
    await client().sim.setSwitches({ refuseConnections: true });
    expect(await networkErrorCode(fetch(apiUrl(client().sim, CLASSIFICATIONS)))).toBe('ECONNREFUSED');
    expect(client().sim.switches().refuseConnections).toBe(true);
    await client().sim.start();
    expect(client().sim.port).toBe(port);
    expect(client().sim.switches().refuseConnections).toBe(false);
    okData(await client().get(CLASSIFICATIONS));
    expect(tokenOf(await client().post('access_tokens/show', { access_token_identifier: { authentication_code: 'BEFORESTOP01' } })).number).toBe('14');
  });

  it('stop() then start() behave like the switch, and repeat calls are no-ops', async () => {
    await client().sim.stop();
    await client().sim.stop();
    expect(await networkErrorCode(fetch(apiUrl(client().sim, CLASSIFICATIONS)))).toBe('ECONNREFUSED');
    await client().sim.start();
    await client().sim.start();
    okData(await client().get(CLASSIFICATIONS));
  });

  it('expireSessions makes every issued token invalid', async () => {
    client().sim.expireSessions();
    errorMessage(await client().get(CLASSIFICATIONS), CrmCode.invalidToken);
  });

  it('records every API call, failed and dropped ones included', async () => {
    const before = client().sim.calls().length;
    await client().sim.setSwitches({ failNext: 1 });
    await fetch(apiUrl(client().sim, CLASSIFICATIONS));
    await client().sim.setSwitches({ dropNextReplies: 1 });
    await fetch(apiUrl(client().sim, CLASSIFICATIONS)).catch(() => undefined);
    const calls = client().sim.calls().slice(before);
    expect(calls.map((c) => [c.method, c.path])).toEqual([
      ['GET', '/crmapi/rest/v2/access_tokens/configuration/classifications/list'],
      ['GET', '/crmapi/rest/v2/access_tokens/configuration/classifications/list'],
    ]);
    expect(calls.every((c) => typeof c.at === 'number' && c.at <= Date.now())).toBe(true);
  });

  it('refuses invalid switches', async () => {
    await expect(client().sim.setSwitches({ failNext: -1 })).rejects.toThrow(/failNext/);
    await expect(startCrmSim({ switches: { latencyMs: 1.5 } })).rejects.toThrow(/latencyMs/);
    expect(client().sim.switches().failNext).toBe(0);
  });
});

describe('control endpoint', () => {
  it('GET /state shows switches, tokens without pass codes and whether the API listens', async () => {
    const { status, json } = await control('/state');
    expect(status).toBe(200);
    expect(json.switches).toEqual({ latencyMs: 0, failNext: 0, dropNextReplies: 0, refuseConnections: false, replyDelayMs: 0, faultsOnly: null });
    expect(json.listening).toBe(true);
    const tokens = json.tokens as Array<Record<string, unknown>>;
    expect(tokens).toHaveLength(13);
    expect(tokens.some((t) => 'pass_code' in t)).toBe(false);
    expect(tokens[10]).toMatchObject({ number: '11', identifier: 'MARIA1984', participant_id: expect.any(String) });
  });

  it('POST /switches sets switches, refuseConnections included, and is not subject to them', async () => {
    const { status, json } = await control('/switches', { failNext: 1, refuseConnections: true });
    expect(status).toBe(200);
    expect(json.switches).toMatchObject({ failNext: 1, refuseConnections: true });
    expect((await control('/state')).json.listening).toBe(false);
    expect(await networkErrorCode(fetch(apiUrl(client().sim, CLASSIFICATIONS)))).toBe('ECONNREFUSED');
    await control('/switches', { refuseConnections: false, failNext: 0 });
    okData(await client().get(CLASSIFICATIONS));
  });

  it.each([
    ['a negative count', { failNext: -1 }, /failNext/],
    ['an unknown switch', { failNxt: 1 }, /failNxt/],
    ['a wrong type', { refuseConnections: 'yes' }, /refuseConnections/],
    ['a body that is not JSON', '{failNext', /JSON/],
    ['an array', [1], /Invalid switches/],
  ])('POST /switches refuses %s with 400 and changes nothing', async (_label, body, message) => {
    await client().sim.setSwitches({ latencyMs: 5 });
    const { status, json } = await control('/switches', body);
    expect(status).toBe(400);
    expect(json.error).toMatch(message);
    expect(client().sim.switches()).toEqual({ latencyMs: 5, failNext: 0, dropNextReplies: 0, refuseConnections: false, replyDelayMs: 0, faultsOnly: null });
  });

  it('POST /expire-sessions invalidates every session', async () => {
    expect((await control('/expire-sessions', {})).status).toBe(200);
    errorMessage(await client().get(CLASSIFICATIONS), CrmCode.invalidToken);
  });

  it('answers 404 for unknown routes and is never counted as an API call', async () => {
    const before = client().sim.calls().length;
    expect((await control('/nothing')).status).toBe(404);
    await control('/state');
    expect(client().sim.calls()).toHaveLength(before);
  });
});

describe('startCrmSim', () => {
  it('listens on a port found free earlier, and on a chosen control port', async () => {
    const [port, controlPort] = [await freePort(), await freePort()];
    const sim = await startCrmSim({ port, controlPort });
    try {
      expect(sim.port).toBe(port);
      expect(sim.url).toBe(`http://127.0.0.1:${port}`);
      expect(sim.controlUrl).toBe(`http://127.0.0.1:${controlPort}`);
      expect((await fetch(`${sim.controlUrl}/state`)).status).toBe(200);
    } finally {
      await sim.close();
    }
  });

  it('can start refusing connections and with latency', async () => {
    const sim = await startCrmSim({ switches: { refuseConnections: true, latencyMs: 20 } });
    try {
      expect(sim.port).toBeGreaterThan(0);
      expect(await networkErrorCode(fetch(`${sim.url}/crmapi/rest/v2/${CLASSIFICATIONS}`))).toBe('ECONNREFUSED');
      await sim.start();
      expect(sim.switches()).toMatchObject({ refuseConnections: false, latencyMs: 20 });
    } finally {
      await sim.close();
    }
  });

  it('fails when the port is taken', async () => {
    await expect(startCrmSim({ port: client().sim.port })).rejects.toThrow(/EADDRINUSE/);
  });

  it('closes both listeners for good', async () => {
    const sim = await startCrmSim();
    await sim.close();
    expect(await networkErrorCode(fetch(`${sim.controlUrl}/state`))).toBe('ECONNREFUSED');
    expect(await networkErrorCode(fetch(`${sim.url}/crmapi/rest/v2/${CLASSIFICATIONS}`))).toBe('ECONNREFUSED');
    await expect(sim.start()).rejects.toThrow(/closed/);
  });
});
