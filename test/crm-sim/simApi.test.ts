import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CrmCode } from '../../shared/crm/statusCodes';
import { rewardParticipantSchema } from '../../shared/crm/wire';
import {
  apiUrl,
  clientFor,
  errorMessage,
  login,
  okData,
  openSim,
  rawGet,
  rawPost,
  tokenOf,
  useDemoSim,
} from './simTestKit';

const FIXTURE = JSON.parse(
  readFileSync(new URL('../../../shared/crm-api/fixtures/access_tokens-show.response.json', import.meta.url), 'utf8'),
) as { data: Record<string, unknown> };

const client = useDemoSim();

/** Every key path of a JSON value, e.g. "reward_participant.accounts_receivable.number". */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => [`${prefix}${key}`, ...keyPaths(inner, `${prefix}${key}.`)]);
}

describe('envelope and transport', () => {
  it('answers errors with HTTP 200, an error code, a human message and no data', async () => {
    const reply = await rawPost(client().sim, 'authentication/token', { username: 'demo', password: 'wrong', organisation: 'DEMO' });
    expect(errorMessage(reply, CrmCode.invalidCredentials)).toMatch(/password/);
  });

  it('refuses unknown methods, also outside the base path', async () => {
    expect(errorMessage(await client().get('access_tokens/delete'), CrmCode.methodNotFound)).toContain('access_tokens/delete');
    const outside = await fetch(`${client().sim.url}/elsewhere`);
    expect(outside.status).toBe(200);
    expect(((await outside.json()) as { status: { code: string } }).status.code).toBe(CrmCode.methodNotFound);
  });

  it('reads with GET and writes with POST only', async () => {
    const showByGet = await client().get('access_tokens/show', { access_token_identifier: 'authentication_code=K7Q2M9X4T1B8R6WD' });
    expect(errorMessage(showByGet, CrmCode.httpMethodNotAllowed)).toMatch(/POST/);
    const listByPost = await client().post('access_tokens/get_not_associated', { number: 1 });
    expect(errorMessage(listByPost, CrmCode.httpMethodNotAllowed)).toMatch(/GET/);
    const loginByGet = await rawGet(client().sim, 'authentication/token', { username: 'demo', password: 'demo', organisation: 'DEMO' });
    errorMessage(loginByGet, CrmCode.httpMethodNotAllowed);
  });

  it('refuses a POST body that is not a JSON object', async () => {
    errorMessage(await rawPost(client().sim, 'access_tokens/show', '{"token": '), CrmCode.invalidRequest);
    errorMessage(await rawPost(client().sim, 'access_tokens/show', [client().token]), CrmCode.invalidRequest);
    errorMessage(await rawPost(client().sim, 'access_tokens/show', ''), CrmCode.invalidRequest);
  });

  it('takes the session token from the query on GET and from the body on POST', async () => {
    const inBodyOnGet = await fetch(`${apiUrl(client().sim, 'access_tokens/configuration/classifications/list')}`, {
      headers: { authorization: client().token },
    });
    expect(((await inBodyOnGet.json()) as { status: { code: string } }).status.code).toBe(CrmCode.invalidToken);
    const inQueryOnPost = await fetch(`${apiUrl(client().sim, 'access_tokens/show')}?token=${client().token}`, {
      method: 'POST',
      body: JSON.stringify({ access_token_identifier: { authentication_code: 'K7Q2M9X4T1B8R6WD' } }),
    });
    expect(((await inQueryOnPost.json()) as { status: { code: string } }).status.code).toBe(CrmCode.invalidToken);
  });
});

describe('authentication', () => {
  it('needs username, password and organisation', async () => {
    const reply = await rawPost(client().sim, 'authentication/token', { username: 'demo', password: 'demo' });
    expect(errorMessage(reply, CrmCode.mandatoryFieldMissing)).toContain('organisation');
    const wrongOrganisation = await rawPost(client().sim, 'authentication/token', { username: 'demo', password: 'demo', organisation: 'OTHER' });
    errorMessage(wrongOrganisation, CrmCode.invalidCredentials);
  });

  it('refuses calls without a token, with an unknown token, and after release', async () => {
    errorMessage(await rawGet(client().sim, 'access_tokens/configuration/classifications/list'), CrmCode.invalidToken);
    errorMessage(await client().get('access_tokens/configuration/classifications/list', { token: 'F00' }), CrmCode.invalidToken);
    expect(okData(await client().post('authentication/token/release'))).toBeNull();
    errorMessage(await client().get('access_tokens/configuration/classifications/list'), CrmCode.invalidToken);
    errorMessage(await client().post('authentication/token/release'), CrmCode.invalidToken);
  });

  it('gives every login its own token; releasing one leaves the other valid', async () => {
    const second = clientFor(client().sim, await login(client().sim));
    expect(second.token).not.toBe(client().token);
    okData(await second.post('authentication/token/release'));
    okData(await client().get('access_tokens/configuration/classifications/list'));
  });

  it('logs in to a unit by name and records it on changes; an unknown unit is refused', async () => {
    const kiosk = clientFor(client().sim, await login(client().sim, { username: 'demo', password: 'demo', organisation: 'DEMO', unit: 'Mall Kiosk' }));
    const created = tokenOf(await kiosk.post('access_tokens/create', {}));
    expect(created.log_information.created_by_unit?.name).toBe('Mall Kiosk');
    const refused = await rawPost(client().sim, 'authentication/token', { username: 'demo', password: 'demo', organisation: 'DEMO', unit: 'Nowhere' });
    errorMessage(refused, CrmCode.invalidCredentials);
  });

  it('expires a session left idle longer than sessionIdleMs, and keeps a used one alive', async () => {
    const idle = await openSim({ sessionIdleMs: 400 });
    try {
      for (let i = 0; i < 4; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        okData(await idle.get('access_tokens/configuration/classifications/list'));
      }
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(errorMessage(await idle.get('access_tokens/configuration/classifications/list'), CrmCode.invalidToken)).toMatch(/idle/);
    } finally {
      await idle.sim.close();
    }
  });
});

describe('access_token_identifier', () => {
  const show = (identifier: unknown) => client().post('access_tokens/show', { access_token_identifier: identifier });

  it('finds a token by authentication code, never showing a pass code', async () => {
    const reply = await show({ authentication_code: 'B2N5M8Q1W4E7R0TY' });
    const token = tokenOf(reply);
    expect(token).toMatchObject({ number: '11', identifier: 'MARIA1984', life_cycle_state: 'EFFECTIVE' });
    expect(JSON.stringify(reply)).not.toContain('pass_code');
    expect(JSON.stringify(reply)).not.toContain('4821');
  });

  it('finds a token by identifier and pass code; a wrong pass code is refused', async () => {
    expect(tokenOf(await show({ identifier: 'MARIA1984', pass_code: '4821' })).number).toBe('11');
    const wrong = await show({ identifier: 'MARIA1984', pass_code: '0000' });
    expect(errorMessage(wrong, CrmCode.tokenNotFound)).toMatch(/identifier and pass code do not match/);
    errorMessage(await show({ authentication_code: 'NOSUCHCODE123' }), CrmCode.tokenNotFound);
  });

  it.each([
    ['no key', {}],
    ['two kinds at once', { authentication_code: 'B2N5M8Q1W4E7R0TY', identifier: 'MARIA1984' }],
    ['identifier without pass code', { identifier: 'MARIA1984' }],
    ['id', { id: 'FF8DBE4ED93CCD249BEA7A8758E9DE1F' }],
    ['number', { number: '11' }],
    ['not an object', 'B2N5M8Q1W4E7R0TY'],
    ['an empty code', { authentication_code: '' }],
  ])('refuses %s', async (_label, identifier) => {
    errorMessage(await show(identifier), CrmCode.invalidIdentifier);
  });

  it('is mandatory', async () => {
    errorMessage(await client().post('access_tokens/show', {}), CrmCode.mandatoryFieldMissing);
  });
});

describe('nested identifiers in a query string', () => {
  it('reads param=field=value', async () => {
    const reply = await client().get('rewards_participants/show', { rewards_participant_identifier: 'number=2' });
    expect(rewardParticipantSchema.parse(okData(reply)).accounts_receivable?.name).toBe('Andreas Christodoulou');
  });

  it('refuses two keys, an unknown key, or no key', async () => {
    const twoKeys = new URLSearchParams([
      ['rewards_participant_identifier', 'number=2'],
      ['rewards_participant_identifier', 'id=BC7AF93966D18D3648D2C284E0324230'],
    ]);
    expect(errorMessage(await client().get('rewards_participants/show', twoKeys), CrmCode.invalidIdentifier)).toMatch(/exactly one/);
    errorMessage(await client().get('rewards_participants/show', { rewards_participant_identifier: 'name=Maria' }), CrmCode.invalidIdentifier);
    errorMessage(await client().get('rewards_participants/show', { rewards_participant_identifier: '2' }), CrmCode.invalidIdentifier);
  });

  it('refuses a plain parameter given twice', async () => {
    const twice = new URLSearchParams([['number', '1'], ['number', '2']]);
    errorMessage(await client().get('access_tokens/get_not_associated', twice), CrmCode.invalidRequest);
  });
});

describe('the token object', () => {
  it('has the shape of the real reply in fixtures/access_tokens-show.response.json', async () => {
    const data = okData(await client().post('access_tokens/show', { access_token_identifier: { authentication_code: 'B2N5M8Q1W4E7R0TY' } }));
    const ours = new Set(keyPaths(data));
    const missing = keyPaths(FIXTURE.data).filter((path) => !ours.has(path));
    expect(missing).toEqual([]);
  });

  it('stamps changes with the logged-in user and a new updated_date, keeping the creation', async () => {
    const supervisor = clientFor(client().sim, await login(client().sim, { username: 'supervisor', password: 'supervisor', organisation: 'DEMO' }));
    const before = tokenOf(await client().post('access_tokens/show', { access_token_identifier: { authentication_code: 'B2N5M8Q1W4E7R0TY' } }));
    const after = tokenOf(await supervisor.post('access_tokens/set_as_not_effective', { access_token_identifier: { authentication_code: 'B2N5M8Q1W4E7R0TY' } }));
    expect(after.log_information.updated_by_user?.username).toBe('supervisor');
    expect(after.log_information.created_by_user?.username).toBe('demo');
    expect(after.log_information.created_date).toBe(before.log_information.created_date);
    expect((after.log_information.updated_date ?? '') > (before.log_information.updated_date ?? '')).toBe(true);
    expect(JSON.stringify(after)).not.toContain('"password"');
  });
});
