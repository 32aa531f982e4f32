import { createServer } from 'node:net';
import { afterEach, beforeEach, expect } from 'vitest';
import { CRM_OK } from '../../shared/crm/statusCodes';
import { accessTokenSchema, authenticationReplySchema, crmEnvelopeSchema, type WireAccessToken } from '../../shared/crm/wire';
import { API_BASE } from './simHttp';
import { startCrmSim, type CrmSim, type CrmSimOptions } from './simulator';

/** Helpers for the simulator's tests: real HTTP with global fetch. */

export type Envelope = ReturnType<typeof crmEnvelopeSchema.parse>;
export type Query = Record<string, string> | URLSearchParams;

export const DEMO_LOGIN = { username: 'demo', password: 'demo', organisation: 'DEMO' };

export interface SimClient {
  sim: CrmSim;
  token: string;
  get(action: string, query?: Query): Promise<Envelope>;
  post(action: string, body?: Record<string, unknown>): Promise<Envelope>;
}

export const apiUrl = (sim: CrmSim, action: string): string => `${sim.url}${API_BASE}${action}`;

/** Every reply must be the envelope; HTTP status is 200 even for errors. */
export async function envelopeOf(response: Response): Promise<Envelope> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return crmEnvelopeSchema.parse(await response.json());
}

export async function rawGet(sim: CrmSim, action: string, query: Query = {}): Promise<Envelope> {
  return envelopeOf(await fetch(`${apiUrl(sim, action)}?${new URLSearchParams(query).toString()}`));
}

export async function rawPost(sim: CrmSim, action: string, body: unknown): Promise<Envelope> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return envelopeOf(await fetch(apiUrl(sim, action), { method: 'POST', body: text, headers: { 'content-type': 'application/json' } }));
}

export function okData(reply: Envelope): unknown {
  expect(reply.status).toEqual({ code: CRM_OK, message: null, description: null });
  return reply.data;
}

/** Asserts an error envelope with that code, a human message and no data; returns the message. */
export function errorMessage(reply: Envelope, code: string): string {
  expect(reply.status.code).toBe(code);
  expect(reply.status.message).toEqual(expect.any(String));
  expect(reply.status.description).toEqual(expect.any(String));
  expect(reply.data).toBeNull();
  return reply.status.message ?? '';
}

export function tokenOf(reply: Envelope): WireAccessToken {
  return accessTokenSchema.parse(okData(reply));
}

export function tokensOf(reply: Envelope): WireAccessToken[] {
  return accessTokenSchema.array().parse(okData(reply));
}

export async function login(sim: CrmSim, credentials: Record<string, string> = DEMO_LOGIN): Promise<string> {
  const { token } = authenticationReplySchema.parse(okData(await rawPost(sim, 'authentication/token', credentials)));
  expect(token).toMatch(/^[0-9A-F]{32}$/);
  return token;
}

export function clientFor(sim: CrmSim, token: string): SimClient {
  return {
    sim,
    token,
    get: (action, query = {}) => {
      const params = new URLSearchParams(query);
      if (!params.has('token')) params.set('token', token);
      return rawGet(sim, action, params);
    },
    post: (action, body = {}) => rawPost(sim, action, { token, ...body }),
  };
}

/** A fresh simulator with demo data and a logged-in demo session. */
export async function openSim(options: CrmSimOptions = {}): Promise<SimClient> {
  const sim = await startCrmSim({ port: 0, ...options });
  return clientFor(sim, await login(sim));
}

/** A fresh demo simulator with a logged-in client for each test of the file, closed after it. */
export function useDemoSim(options: CrmSimOptions = {}): () => SimClient {
  let current: SimClient | undefined;
  beforeEach(async () => {
    current = await openSim(options);
  });
  afterEach(async () => {
    await current?.sim.close();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('useDemoSim: no simulator outside a test');
    return current;
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The rejection's network error code, e.g. ECONNREFUSED (undici puts it on `cause`). */
export async function networkErrorCode(attempt: Promise<unknown>): Promise<string> {
  const error: unknown = await attempt.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(Error);
  const cause = error instanceof Error ? error.cause : undefined;
  return typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : '';
}
