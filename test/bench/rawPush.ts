import { randomFillSync } from 'node:crypto';
import { Agent, request } from 'node:http';
import { CRM_OK } from '../../shared/crm/statusCodes';
import { DEFAULT_DEFINITION } from '../../shared/token/defaultDefinition';
import { generateFieldValue } from '../../shared/token/generate';
import { API_BASE } from '../crm-sim/simHttp';
import { DEMO_LOGIN } from '../crm-sim/simTestKit';
import { startSimProcess } from './simProcess';

/** A new authentication code, as the counter makes one for a token it issues. */
export const freshCode = (): string => generateFieldValue(DEFAULT_DEFINITION.authenticationCode, (b) => randomFillSync(b));

/** One POST on a kept-alive connection; its reply's data, or a throw when the simulator did not answer OK. */
function post(agent: Agent, base: string, method: string, body: object): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const call = request(`${base}${API_BASE}${method}`, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (reply) => {
      const chunks: Buffer[] = [];
      reply.on('data', (chunk: Buffer) => chunks.push(chunk));
      reply.on('error', reject);
      reply.on('end', () => {
        const envelope = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { status?: { code?: string }; data?: unknown };
        if (envelope.status?.code === CRM_OK) resolve(envelope.data);
        else reject(new Error(`the simulator answered ${method} with ${envelope.status?.code ?? 'no status'}`));
      });
    });
    call.on('error', reject);
    call.end(JSON.stringify(body));
  });
}

/**
 * The floor under the push figure: the same creates (one call each, a fresh code), at the same latency
 * and concurrency, sent by the least a client can do (node's http, one loop per slot, nothing stored)
 * to a simulator process of its own. Its wall time, in ms: what this loses against the ideal is the
 * machine's and the simulator's share; what the app's push loses beyond it is the app's.
 */
export async function rawPush(ops: number, latencyMs: number, concurrency: number): Promise<number> {
  const sim = await startSimProcess(latencyMs);
  const agent = new Agent({ keepAlive: true });
  try {
    const login = (await post(agent, sim.url, 'authentication/token', DEMO_LOGIN)) as { token: string };
    let sent = 0;
    const slot = async () => {
      while (sent < ops) {
        sent += 1;
        await post(agent, sim.url, 'access_tokens/create', { token: login.token, authentication_code: freshCode() });
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, slot));
    return performance.now() - started;
  } finally {
    agent.destroy();
    await sim.close();
  }
}
