import { randomFillSync } from 'node:crypto';
import { DEFAULT_DEFINITION } from '../../shared/token/defaultDefinition';
import { generateFieldValue } from '../../shared/token/generate';
import { CrmClient } from '../../electron/crm/crmClient';
import { CrmSession } from '../../electron/crm/crmSession';
import type { CrmSim } from '../crm-sim/simulator';

export const DEMO_LOGIN = { username: 'demo', password: 'demo', organisation: 'DEMO' };

export function newCode(): string {
  return generateFieldValue(DEFAULT_DEFINITION.authenticationCode, (b) => randomFillSync(b));
}

export function clientFor(sim: CrmSim, options: { timeoutMs?: number; fetch?: typeof fetch } = {}): CrmClient {
  return new CrmClient({ serverUrl: sim.url, ...options });
}

export function sessionFor(sim: CrmSim, options: { timeoutMs?: number; fetch?: typeof fetch } = {}): CrmSession {
  return new CrmSession(clientFor(sim, options), DEMO_LOGIN);
}

export function callsTo(sim: CrmSim, action: string): number {
  return sim.calls().filter((c) => c.path.endsWith(`/${action}`)).length;
}
