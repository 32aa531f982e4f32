import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { httpTransport } from '../../../electron/crm/httpTransport';

const servers: Server[] = [];

async function serve(answer: (body: string, accepts: string) => { status: number; headers?: Record<string, string>; body: Buffer | string }): Promise<{ url: string; connections: () => number }> {
  let connections = 0;
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const reply = answer(body, String(request.headers['accept-encoding'] ?? ''));
      response.writeHead(reply.status, reply.headers).end(reply.body);
    });
  });
  server.on('connection', () => (connections += 1));
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/call`, connections: () => connections };
}

const post = (body: string) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(10_000) });

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  }
});

describe('the CRM client over http', () => {
  it('sends the body and reads a gzip answer as text, with its status', async () => {
    const crm = await serve((body, accepts) => ({ status: 201, headers: { 'content-encoding': accepts.includes('gzip') ? 'gzip' : 'identity' }, body: gzipSync(`echo ${body}`) }));
    const answer = await httpTransport(crm.url, post('{"a":"Ω"}'));
    expect(answer).toMatchObject({ status: 201, ok: true });
    expect(await answer.text()).toBe('echo {"a":"Ω"}');
  });

  it('says not ok for an error status, and keeps its body', async () => {
    const crm = await serve(() => ({ status: 503, body: 'busy' }));
    const answer = await httpTransport(crm.url, post('{}'));
    expect(answer.ok).toBe(false);
    expect([answer.status, await answer.text()]).toEqual([503, 'busy']);
  });

  it('makes the next call on the connection the last one left open', async () => {
    const crm = await serve((body) => ({ status: 200, body }));
    for (const n of [1, 2, 3]) expect(await (await httpTransport(crm.url, post(String(n)))).text()).toBe(String(n));
    expect(crm.connections()).toBe(1);
  });
});
