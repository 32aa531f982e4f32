import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrmCode } from '../../../shared/crm/statusCodes';
import { apiBaseUrl, CrmClient, parseReply } from '../../../electron/crm/crmClient';
import { CrmError, TransportCode } from '../../../electron/crm/crmError';
import { accessTokenSchema } from '../../../shared/crm/wire';
import { startCrmSim, type CrmSim } from '../../crm-sim/simulator';
import { clientFor, DEMO_LOGIN, newCode } from '../simHelpers';

async function failure(promise: Promise<unknown>): Promise<CrmError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CrmError) return error;
    throw error;
  }
  throw new Error('expected a CrmError');
}

describe('CRM client against the simulator over HTTP', () => {
  let sim: CrmSim;
  let client: CrmClient;
  let token: string;

  beforeAll(async () => {
    sim = await startCrmSim();
    client = clientFor(sim);
    token = await client.login(DEMO_LOGIN);
  });
  afterAll(() => sim.close());

  it('logs in and is refused with wrong credentials, permanently', async () => {
    expect(token).toMatch(/\S{8,}/);
    const error = await failure(client.login({ ...DEMO_LOGIN, password: 'wrong' }));
    expect(error).toMatchObject({ kind: 'permanent', code: CrmCode.invalidCredentials });
  });

  it('creates a token with the code it chose and shows it by that code', async () => {
    const code = newCode();
    const created = await client.createToken(token, { authentication_code: code, identifier: `ID${code}`, pass_code: '1234' });
    expect(created).toMatchObject({ authentication_code: code, identifier: `ID${code}`, life_cycle_state: 'EFFECTIVE' });
    expect(created.number).toMatch(/^\d+$/);
    const shown = await client.showToken(token, { authentication_code: code });
    expect(shown.id).toBe(created.id);
    const byPassCode = await client.showToken(token, { identifier: `ID${code}`, pass_code: '1234' });
    expect(byPassCode.id).toBe(created.id);
  });

  it('links a token to a participant, lists it, and reads the participant', async () => {
    const created = await client.createToken(token, {
      authentication_code: newCode(),
      identifier: `P${newCode()}`,
      pass_code: '5678',
      rewards_participant_identifier: { number: '2' },
    });
    expect(created.reward_participant?.number).toBe('2');
    const listed = await client.listTokens(token, { owner: { rewards_participant_identifier: { number: '2' } } });
    expect(listed.map((t) => t.id)).toContain(created.id);
    const participant = await client.showParticipant(token, { number: '2' });
    expect(participant.id).toBe(created.reward_participant?.id);
  });

  it('changes the life cycle state and refuses the same state again, permanently', async () => {
    const code = newCode();
    await client.createToken(token, { authentication_code: code });
    const off = await client.setLifeCycleState(token, { authentication_code: code }, 'NOT_EFFECTIVE');
    expect(off.life_cycle_state).toBe('NOT_EFFECTIVE');
    const again = await failure(client.setLifeCycleState(token, { authentication_code: code }, 'NOT_EFFECTIVE'));
    expect(again).toMatchObject({ kind: 'permanent', code: CrmCode.invalidLifeCycleTransition });
  });

  it('updates identifier and code, and regenerates the code on null', async () => {
    const code = newCode();
    const next = newCode();
    await client.createToken(token, { authentication_code: code, identifier: `U${code}`, pass_code: '1111' });
    const updated = await client.updateToken(token, {
      access_token_identifier: { authentication_code: code },
      identifier: `V${code}`,
      pass_code: '2222',
      authentication_code: next,
    });
    expect(updated).toMatchObject({ identifier: `V${code}`, authentication_code: next });
    const regenerated = await client.updateToken(token, { access_token_identifier: { authentication_code: next }, authentication_code: null });
    expect(regenerated.authentication_code).not.toBe(next);
  });

  it('reads the not-associated stock and the classifications', async () => {
    const stock = await client.getNotAssociated(token, 3, 'EFFECTIVE');
    expect(stock.length).toBeGreaterThan(0);
    expect(stock.length).toBeLessThanOrEqual(3);
    for (const t of stock) expect(t.reward_participant ?? null).toBeNull();
    const classifications = await client.listClassifications(token);
    expect(classifications.length).toBeGreaterThan(0);
  });

  it('reports CRM refusals as permanent with the CRM’s message', async () => {
    const code = newCode();
    await client.createToken(token, { authentication_code: code, identifier: `D${code}`, pass_code: '1234' });
    const dupIdentifier = await failure(client.createToken(token, { authentication_code: newCode(), identifier: `D${code}`, pass_code: '1234' }));
    expect(dupIdentifier).toMatchObject({ kind: 'permanent', code: CrmCode.identifierExists });
    expect(dupIdentifier.message.length).toBeGreaterThan(0);
    const dupCode = await failure(client.createToken(token, { authentication_code: code }));
    expect(dupCode).toMatchObject({ kind: 'permanent', code: CrmCode.authenticationCodeExists });
    const missing = await failure(client.showToken(token, { authentication_code: 'NOSUCHCODE0001' }));
    expect(missing).toMatchObject({ kind: 'permanent', code: CrmCode.tokenNotFound });
    const rule = await failure(client.createToken(token, { authentication_code: newCode(), identifier: 'ab', pass_code: '1234' }));
    expect(rule).toMatchObject({ kind: 'permanent', code: CrmCode.definitionViolated });
  });

  it('reports an unknown or expired session as a session error', async () => {
    const error = await failure(client.showToken('not-a-session', { authentication_code: 'X' }));
    expect(error).toMatchObject({ kind: 'session', code: CrmCode.invalidToken });
  });

  it('reports HTTP 500 as temporary, and nothing changes', async () => {
    const before = sim.tokens().length;
    await sim.setSwitches({ failNext: 1 });
    const error = await failure(client.createToken(token, { authentication_code: newCode() }));
    expect(error).toMatchObject({ kind: 'temporary', code: 'HTTP_500' });
    expect(sim.tokens()).toHaveLength(before);
  });

  it('reports a refused connection and a lost reply as temporary network errors', async () => {
    await sim.stop();
    const refused = await failure(client.getNotAssociated(token, 1));
    await sim.start();
    expect(refused).toMatchObject({ kind: 'temporary', code: TransportCode.network });
    expect(refused.message).toMatch(/could not be reached/);

    const code = newCode();
    await sim.setSwitches({ dropNextReplies: 1 });
    const dropped = await failure(client.createToken(token, { authentication_code: code }));
    expect(dropped).toMatchObject({ kind: 'temporary', code: TransportCode.network });
    expect(sim.tokens().some((t) => t.authentication_code === code)).toBe(true);
  });

  it('gives up on a slow CRM after its timeout, as a temporary error', async () => {
    await sim.setSwitches({ latencyMs: 400 });
    const slow = clientFor(sim, { timeoutMs: 100 });
    const error = await failure(slow.getNotAssociated(token, 1));
    await sim.setSwitches({ latencyMs: 0 });
    expect(error).toMatchObject({ kind: 'temporary', code: TransportCode.timeout });
  });
});

describe('CRM replies', () => {
  const ok = (data: unknown) => JSON.stringify({ status: { code: 'OK', message: null, description: null }, data });

  it('turn malformed bodies into a clear bad-reply error', () => {
    for (const body of ['<html>oops</html>', '{"data":{}}', ok({ id: 'x' })]) {
      let error: unknown;
      try {
        parseReply(body, accessTokenSchema);
      } catch (caught) {
        error = caught;
      }
      expect(error, body).toMatchObject({ kind: 'unknown', code: TransportCode.badReply });
      expect((error as Error).message).toMatch(/cannot read/);
    }
  });

  it('let an error status win over the data, and treat unknown codes as unknown', () => {
    const body = JSON.stringify({ status: { code: 'COM.CRM.EXCEPTION.SOMETHINGNEW', message: 'New rule', description: null }, data: null });
    expect(() => parseReply(body, accessTokenSchema)).toThrow('New rule');
    try {
      parseReply(body, accessTokenSchema);
    } catch (error) {
      expect(error).toMatchObject({ kind: 'unknown', code: 'COM.CRM.EXCEPTION.SOMETHINGNEW' });
    }
  });

  it('are sent to the V4 path whether or not the operator typed it', () => {
    expect(apiBaseUrl('https://crm.example.com')).toBe('https://crm.example.com/crmapi/rest/v2/');
    expect(apiBaseUrl('https://crm.example.com/')).toBe('https://crm.example.com/crmapi/rest/v2/');
    expect(apiBaseUrl('https://crm.example.com/crmapi/rest/v2/')).toBe('https://crm.example.com/crmapi/rest/v2/');
  });

  it('put nested identifiers in the query as param=field=value', async () => {
    const urls: string[] = [];
    const recording: typeof fetch = async (input) => {
      urls.push(String(input));
      return new Response(ok([]));
    };
    const client = new CrmClient({ serverUrl: 'http://crm.test', fetch: recording });
    await client.listTokens('T1', { owner: { rewards_participant_identifier: { number: '29' } }, numberOfResults: 5 });
    expect(urls[0]).toBe('http://crm.test/crmapi/rest/v2/access_tokens/list?token=T1&rewards_participant_identifier=number=29&number_of_results=5');
  });
});
