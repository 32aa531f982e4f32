import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrmSession } from '../../../electron/crm/crmSession';
import { startCrmSim, type CrmSim } from '../../crm-sim/simulator';
import { callsTo, clientFor, DEMO_LOGIN, sessionFor } from '../simHelpers';

describe('CRM session', () => {
  let sim: CrmSim;
  beforeAll(async () => {
    sim = await startCrmSim();
  });
  afterAll(() => sim.close());

  it('logs in once for many concurrent calls', async () => {
    const session = sessionFor(sim);
    const before = callsTo(sim, 'token');
    await Promise.all(Array.from({ length: 5 }, () => session.call((c, t) => c.listClassifications(t))));
    expect(callsTo(sim, 'token') - before).toBe(1);
  });

  it('logs in again when the session expired and repeats the call', async () => {
    const session = sessionFor(sim);
    await session.call((c, t) => c.listClassifications(t));
    sim.expireSessions();
    const before = callsTo(sim, 'token');
    const classifications = await session.call((c, t) => c.listClassifications(t));
    expect(classifications.length).toBeGreaterThan(0);
    expect(callsTo(sim, 'token') - before).toBe(1);
  });

  it('fails with the login error when the credentials are wrong', async () => {
    const session = new CrmSession(clientFor(sim), { ...DEMO_LOGIN, password: 'nope' });
    await expect(session.open()).rejects.toMatchObject({ kind: 'permanent' });
  });

  it('releases the session on close', async () => {
    const session = sessionFor(sim);
    await session.open();
    await session.close();
    expect(callsTo(sim, 'release')).toBeGreaterThan(0);
  });
});
