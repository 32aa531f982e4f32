import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPassCode, fetchStock, listClassifications, ownerTokens, participantTokens, refreshTokens, testConnection } from '../../../electron/sync/crmReads';
import type { OpenSession } from '../../../electron/sync/crmAccess';
import { CrmSession } from '../../../electron/crm/crmSession';
import { startCrmSim, type CrmSim } from '../../crm-sim/simulator';
import { clientFor, DEMO_LOGIN, sessionFor } from '../simHelpers';

describe('reads from the CRM', () => {
  let sim: CrmSim;
  let open: OpenSession;

  beforeAll(async () => {
    sim = await startCrmSim();
    const session = sessionFor(sim);
    open = async () => session;
  });
  afterAll(() => sim.close());

  it('refresh tokens by code and name the ones the CRM no longer knows', async () => {
    const known = sim.tokens().slice(0, 3).map((t) => t.authentication_code);
    const reply = await refreshTokens(open, [...known, 'GONE00000001']);
    expect(reply.crm).toBe('ok');
    expect(reply.tokens.map((t) => t.authenticationCode)).toEqual(known);
    expect(reply.missing).toEqual(['GONE00000001']);
  });

  it('pull a participant with all of its tokens, and nothing for an unknown one', async () => {
    const holder = sim.tokens().find((t) => t.participant_id !== null);
    const reply = await participantTokens(open, '1');
    expect(reply.crm).toBe('ok');
    expect(reply.participant?.number).toBe('1');
    const expected = sim.tokens().filter((t) => t.participant_id === reply.participant?.id).map((t) => t.authentication_code);
    expect(holder).toBeDefined();
    expect(reply.tokens.map((t) => t.authenticationCode).sort()).toEqual(expected.sort());
    expect(await participantTokens(open, '999')).toMatchObject({ crm: 'ok', participant: null, tokens: [] });
  });

  it("pull an owner's tokens by participant number or by account number, and nothing for a number that is neither", async () => {
    const marias = sim.tokens().filter((t) => t.participant_id === 'BC7AF93966D18D3648D2C284E0324230').map((t) => t.authentication_code).sort();
    expect(marias.length).toBeGreaterThan(0);
    const byParticipant = await ownerTokens(open, '1');
    expect(byParticipant.crm).toBe('ok');
    expect(byParticipant.tokens.map((t) => t.authenticationCode).sort()).toEqual(marias);
    const byAccount = await ownerTokens(open, '000001');
    expect(byAccount.tokens.map((t) => t.authenticationCode).sort()).toEqual(marias);
    expect(byAccount.tokens[0]?.participant).toMatchObject({ number: '1', accountNumber: '000001', ownerName: 'Maria Georgiou' });
    expect(await ownerTokens(open, '424242')).toEqual({ crm: 'ok', message: null, words: null, tokens: [] });
  });

  it('fetch effective not-associated tokens for the stock', async () => {
    const reply = await fetchStock(open, 4);
    expect(reply.tokens).toHaveLength(4);
    for (const token of reply.tokens) expect(token).toMatchObject({ participant: null, lifeCycleState: 'EFFECTIVE' });
  });

  it('say why nothing came back: no CRM, refused sign-in, or no answer, in English and as words for the clerk', async () => {
    expect(await fetchStock(async () => null, 1)).toMatchObject({ crm: 'unconfigured', tokens: [], words: { code: 'noCrm' } });
    const refused = new CrmSession(clientFor(sim), { ...DEMO_LOGIN, password: 'no' });
    const login = await fetchStock(async () => refused, 1);
    expect(login).toMatchObject({ crm: 'loginFailed', tokens: [], words: { code: 'crmRefused' } });
    expect(login.words).toEqual({ code: 'crmRefused', reason: login.message });
    await sim.setSwitches({ failNext: 1 });
    const broken = await refreshTokens(open, [sim.tokens()[0]?.authentication_code ?? '']);
    expect(broken).toMatchObject({ crm: 'unreachable', tokens: [], missing: [], words: { code: 'crmUnreached' } });
    expect(broken.message).toMatch(/HTTP 500/);
    expect(broken.words).toEqual({ code: 'crmUnreached', detail: expect.stringMatching(/HTTP 500/) });
  });

  it('test the connection, check a pass code, and list classifications', async () => {
    expect(await testConnection(open)).toEqual({ crm: 'ok', message: null, words: null });
    const refused = new CrmSession(clientFor(sim), { ...DEMO_LOGIN, password: 'no' });
    expect(await testConnection(async () => refused)).toMatchObject({ crm: 'loginFailed' });
    const holder = sim.tokens().find((t) => t.identifier !== null && t.pass_code !== null);
    if (!holder?.identifier || !holder.pass_code) throw new Error('demo data has no token with an identifier');
    expect(await checkPassCode(open, holder.identifier, async () => holder.pass_code ?? '')).toMatchObject({
      crm: 'ok',
      valid: true,
      token: { authenticationCode: holder.authentication_code },
    });
    expect(await checkPassCode(open, holder.identifier, async () => `${holder.pass_code ?? ''}9`)).toMatchObject({ crm: 'ok', valid: false, token: null });
    expect(await checkPassCode(async () => null, holder.identifier, async () => '1')).toMatchObject({ crm: 'unconfigured', valid: null });
    const { classifications } = await listClassifications(open);
    expect(classifications.length).toBeGreaterThan(0);
    expect(classifications[0]).toEqual({ id: expect.any(String), name: expect.any(String), description: expect.toBeOneOf([expect.any(String), null]) });
  });
});
