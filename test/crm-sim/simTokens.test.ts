import { describe, expect, it } from 'vitest';
import { CrmCode } from '../../shared/crm/statusCodes';
import { classificationSchema, rewardParticipantSchema } from '../../shared/crm/wire';
import { checkField } from '../../shared/token/definition';
import { DEFAULT_DEFINITION } from '../../shared/token/defaultDefinition';
import { loadDemoData } from './simData';
import { errorMessage, okData, openSim, tokenOf, tokensOf, useDemoSim } from './simTestKit';

const client = useDemoSim();

const MARIA_CODE = 'B2N5M8Q1W4E7R0TY';
const create = (body: Record<string, unknown>) => client().post('access_tokens/create', body);
const byCode = (code: string) => ({ access_token_identifier: { authentication_code: code } });
const show = (code: string) => client().post('access_tokens/show', byCode(code));
const record = (number: string) => client().sim.tokens().find((t) => t.number === number);

describe('access_tokens/create', () => {
  it('makes an effective stock token with a generated authentication code', async () => {
    const token = tokenOf(await create({}));
    expect(token).toMatchObject({ number: '14', identifier: null, life_cycle_state: 'EFFECTIVE', reward_participant: null });
    expect(token.id).toMatch(/^[0-9A-F]{32}$/);
    expect(checkField(DEFAULT_DEFINITION.authenticationCode, token.authentication_code)).toBeNull();
    expect(record('14')).toMatchObject({ id: token.id, authentication_code: token.authentication_code, pass_code: null, participant_id: null });
    expect(tokenOf(await create({})).number).toBe('15');
  });

  it('takes the client’s code, identifier, pass code, participant and classification', async () => {
    const reply = await create({
      authentication_code: 'OFFLINE0001AB',
      identifier: 'ELENI91',
      pass_code: '2468',
      rewards_participant_identifier: { number: '3' },
      classification_identifier: { name: 'Key fob' },
    });
    const token = tokenOf(reply);
    expect(token).toMatchObject({ authentication_code: 'OFFLINE0001AB', identifier: 'ELENI91', classification: { name: 'Key fob' } });
    expect(token.reward_participant?.accounts_receivable?.account_owner?.first_name).toBe('Eleni');
    expect(JSON.stringify(reply)).not.toContain('2468');
    expect(record(token.number)?.pass_code).toBe('2468');
    expect(tokenOf(await client().post('access_tokens/show', { access_token_identifier: { identifier: 'ELENI91', pass_code: '2468' } })).id).toBe(token.id);
  });

  it('links through an accounts receivable to its participant', async () => {
    const token = tokenOf(await create({ accounts_receivable_identifier: { number: '000004' } }));
    expect(token.reward_participant?.number).toBe('4');
    const mismatch = await create({ accounts_receivable_identifier: { number: '000004' }, rewards_participant_identifier: { number: '1' } });
    errorMessage(mismatch, CrmCode.invalidValue);
  });

  it('refuses unknown participants, accounts and classifications', async () => {
    errorMessage(await create({ rewards_participant_identifier: { number: '99' } }), CrmCode.participantNotFound);
    errorMessage(await create({ accounts_receivable_identifier: { id: 'NOPE' } }), CrmCode.accountNotFound);
    errorMessage(await create({ classification_identifier: { id: 'NOPE' } }), CrmCode.classificationNotFound);
    errorMessage(await create({ rewards_participant_identifier: { id: 'X', number: '1' } }), CrmCode.invalidIdentifier);
    expect(client().sim.tokens()).toHaveLength(13);
  });

  it('needs a pass code with an identifier, and an identifier with a pass code', async () => {
    expect(errorMessage(await create({ identifier: 'CARD1234' }), CrmCode.mandatoryFieldMissing)).toContain('pass_code');
    expect(errorMessage(await create({ pass_code: '1234' }), CrmCode.definitionViolated)).toBe('A pass code needs an identifier.');
  });

  it('enforces the active definition with the rule’s sentence', async () => {
    expect(errorMessage(await create({ authentication_code: 'SHORT1' }), CrmCode.definitionViolated)).toBe(
      'Authentication code must be at least 12 characters.',
    );
    expect(errorMessage(await create({ authentication_code: 'ONLYLETTERSHERE' }), CrmCode.definitionViolated)).toBe(
      'Authentication code needs at least 1 digit(s).',
    );
    expect(errorMessage(await create({ identifier: 'CARD-12', pass_code: '1234' }), CrmCode.definitionViolated)).toBe(
      'Identifier may contain letters and digits only.',
    );
    expect(errorMessage(await create({ identifier: 'CARD12', pass_code: '12a4' }), CrmCode.definitionViolated)).toBe(
      'Pass code may contain digits only.',
    );
    expect(client().sim.tokens()).toHaveLength(13);
  });

  it('makes identifier and pass code mandatory when the definition does not allow tokens without them', async () => {
    const data = loadDemoData();
    const strict = await openSim({ data: { ...data, definition: { ...data.definition, allowWithoutIdentifier: false } } });
    try {
      errorMessage(await strict.post('access_tokens/create', {}), CrmCode.mandatoryFieldMissing);
      expect(tokenOf(await strict.post('access_tokens/create', { identifier: 'CARD1234', pass_code: '1234' })).identifier).toBe('CARD1234');
    } finally {
      await strict.sim.close();
    }
  });

  it('refuses a duplicate identifier or authentication code', async () => {
    expect(errorMessage(await create({ identifier: 'MARIA1984', pass_code: '9999' }), CrmCode.identifierExists)).toContain('MARIA1984');
    errorMessage(await create({ authentication_code: 'K7Q2M9X4T1B8R6WD' }), CrmCode.authenticationCodeExists);
    expect(client().sim.tokens()).toHaveLength(13);
  });

  it('keeps a participant to maxTokensPerOwner tokens', async () => {
    const owner = { rewards_participant_identifier: { number: '1' } };
    for (let i = 0; i < 3; i += 1) tokenOf(await create(owner));
    expect(errorMessage(await create(owner), CrmCode.definitionViolated)).toMatch(/maximum of 5/);
    expect(client().sim.tokens().filter((t) => t.participant_id !== null && t.participant_id === record('11')?.participant_id)).toHaveLength(5);
  });

  it('refuses values of the wrong type', async () => {
    errorMessage(await create({ identifier: 1234, pass_code: '1234' }), CrmCode.invalidValue);
  });
});

describe('access_tokens/update', () => {
  const update = (code: string, body: Record<string, unknown>) => client().post('access_tokens/update', { ...byCode(code), ...body });

  it('changes only the fields given', async () => {
    const before = tokenOf(await show(MARIA_CODE));
    const after = tokenOf(await update(MARIA_CODE, { authentication_code: 'NEWCODE00001' }));
    expect(after).toMatchObject({ id: before.id, identifier: 'MARIA1984', authentication_code: 'NEWCODE00001' });
    expect((after.log_information.updated_date ?? '') > (before.log_information.updated_date ?? '')).toBe(true);
    expect(after.log_information.created_date).toBe(before.log_information.created_date);
    expect(record('11')?.pass_code).toBe('4821');
    errorMessage(await show(MARIA_CODE), CrmCode.tokenNotFound);
  });

  it('regenerates the authentication code when it is sent as null', async () => {
    const after = tokenOf(await update(MARIA_CODE, { authentication_code: null }));
    expect(after.authentication_code).not.toBe(MARIA_CODE);
    expect(checkField(DEFAULT_DEFINITION.authenticationCode, after.authentication_code)).toBeNull();
    expect(record('11')?.authentication_code).toBe(after.authentication_code);
  });

  it('sets an identifier on a stock token only with a pass code, then finds it by them', async () => {
    expect(errorMessage(await update('K7Q2M9X4T1B8R6WD', { identifier: 'WALKIN01' }), CrmCode.mandatoryFieldMissing)).toContain('pass_code');
    tokenOf(await update('K7Q2M9X4T1B8R6WD', { identifier: 'WALKIN01', pass_code: '55555' }));
    const found = tokenOf(await client().post('access_tokens/show', { access_token_identifier: { identifier: 'WALKIN01', pass_code: '55555' } }));
    expect(found.number).toBe('1');
  });

  it('identifies the token by identifier and pass code too', async () => {
    const reply = await client().post('access_tokens/update', {
      access_token_identifier: { identifier: 'ANDREAS79', pass_code: '907311' },
      pass_code: '112233',
    });
    expect(tokenOf(reply).number).toBe('12');
    expect(record('12')?.pass_code).toBe('112233');
  });

  it('clears identifier and pass code together when the identifier is sent as null', async () => {
    tokenOf(await update(MARIA_CODE, { identifier: null }));
    expect(record('11')).toMatchObject({ identifier: null, pass_code: null });
  });

  it('refuses an update that changes nothing', async () => {
    expect(errorMessage(await update(MARIA_CODE, {}), CrmCode.nothingToAmend)).toMatch(/amended/);
    errorMessage(await update(MARIA_CODE, { authentication_code: MARIA_CODE }), CrmCode.nothingToAmend);
  });

  it('enforces the definition and uniqueness', async () => {
    errorMessage(await update(MARIA_CODE, { authentication_code: 'short' }), CrmCode.definitionViolated);
    errorMessage(await update(MARIA_CODE, { identifier: 'ANDREAS79', pass_code: '1234' }), CrmCode.identifierExists);
    errorMessage(await update(MARIA_CODE, { authentication_code: 'H6J9K2L5Z8X1C4VB' }), CrmCode.authenticationCodeExists);
    expect(record('11')).toMatchObject({ identifier: 'MARIA1984', authentication_code: MARIA_CODE });
  });
});

describe('life cycle', () => {
  it('switches between effective and not effective, refusing the current state', async () => {
    expect(tokenOf(await client().post('access_tokens/set_as_not_effective', byCode(MARIA_CODE))).life_cycle_state).toBe('NOT_EFFECTIVE');
    const again = await client().post('access_tokens/set_as_not_effective', byCode(MARIA_CODE));
    expect(errorMessage(again, CrmCode.invalidLifeCycleTransition)).toMatch(/already not effective/);
    expect(tokenOf(await client().post('access_tokens/set_as_effective', byCode(MARIA_CODE))).life_cycle_state).toBe('EFFECTIVE');
    errorMessage(await client().post('access_tokens/set_as_effective', byCode(MARIA_CODE)), CrmCode.invalidLifeCycleTransition);
    errorMessage(await client().post('access_tokens/set_as_effective', byCode('NOSUCHCODE123')), CrmCode.tokenNotFound);
  });
});

describe('access_tokens/get_not_associated', () => {
  it('gives as many stock tokens as asked for', async () => {
    const tokens = tokensOf(await client().get('access_tokens/get_not_associated', { number: '3' }));
    expect(tokens.map((t) => t.number)).toEqual(['1', '2', '3']);
    expect(tokens.every((t) => t.reward_participant === null)).toBe(true);
    expect(tokensOf(await client().get('access_tokens/get_not_associated', { number: '100' }))).toHaveLength(10);
  });

  it('filters by life cycle state', async () => {
    const tokens = tokensOf(await client().get('access_tokens/get_not_associated', { number: '20', life_cycle_state: 'NOT_EFFECTIVE' }));
    expect(tokens.map((t) => t.number)).toEqual(['10']);
  });

  it('needs a positive number and a known state', async () => {
    errorMessage(await client().get('access_tokens/get_not_associated'), CrmCode.mandatoryFieldMissing);
    errorMessage(await client().get('access_tokens/get_not_associated', { number: '0' }), CrmCode.invalidValue);
    errorMessage(await client().get('access_tokens/get_not_associated', { number: 'ten' }), CrmCode.invalidValue);
    errorMessage(await client().get('access_tokens/get_not_associated', { number: '2', life_cycle_state: 'LOST' }), CrmCode.invalidValue);
  });
});

describe('access_tokens/list', () => {
  const list = (query: Record<string, string>) => client().get('access_tokens/list', query);

  it('lists a participant’s tokens by participant or by account', async () => {
    expect(tokensOf(await list({ rewards_participant_identifier: 'number=1' })).map((t) => t.number)).toEqual(['11', '13']);
    const byAccount = tokensOf(await list({ accounts_receivable_identifier: 'number=000002' }));
    expect(byAccount.map((t) => t.identifier)).toEqual(['ANDREAS79']);
    expect(tokensOf(await list({ rewards_participant_identifier: 'number=3' }))).toEqual([]);
  });

  it('pages with offset and number_of_results', async () => {
    for (let i = 0; i < 3; i += 1) tokenOf(await create({ rewards_participant_identifier: { number: '1' } }));
    const page = (offset: string) => list({ rewards_participant_identifier: 'number=1', number_of_results: '2', offset });
    expect(tokensOf(await page('0')).map((t) => t.number)).toEqual(['11', '13']);
    expect(tokensOf(await page('2')).map((t) => t.number)).toEqual(['14', '15']);
    expect(tokensOf(await page('4')).map((t) => t.number)).toEqual(['16']);
    expect(tokensOf(await page('6'))).toEqual([]);
    errorMessage(await list({ rewards_participant_identifier: 'number=1', number_of_results: '0' }), CrmCode.invalidValue);
  });

  it('filters by classification', async () => {
    const fobs = tokensOf(await list({ rewards_participant_identifier: 'number=1', classification_identifier: 'name=Key fob' }));
    expect(fobs.map((t) => t.identifier)).toEqual(['MARIAFOB']);
    errorMessage(await list({ rewards_participant_identifier: 'number=1', classification_identifier: 'name=Nope' }), CrmCode.classificationNotFound);
  });

  it('needs exactly one owner identifier', async () => {
    errorMessage(await list({}), CrmCode.mandatoryFieldMissing);
    const both = await list({ rewards_participant_identifier: 'number=1', accounts_receivable_identifier: 'number=000001' });
    errorMessage(both, CrmCode.invalidIdentifier);
    errorMessage(await list({ rewards_participant_identifier: 'number=42' }), CrmCode.participantNotFound);
  });
});

describe('reference data', () => {
  it('lists classifications', async () => {
    const classifications = classificationSchema.array().parse(okData(await client().get('access_tokens/configuration/classifications/list')));
    expect(classifications.map((c) => c.name)).toEqual(['Plastic card', 'Key fob', 'Virtual card']);
    expect(Object.keys(classifications[0] ?? {}).sort()).toEqual(['alternative_code', 'description', 'id', 'name']);
  });

  it('shows a rewards participant by number or id, as tokens embed it', async () => {
    const byNumber = rewardParticipantSchema.parse(okData(await client().get('rewards_participants/show', { rewards_participant_identifier: 'number=1' })));
    const byId = okData(await client().get('rewards_participants/show', { rewards_participant_identifier: `id=${byNumber.id}` }));
    expect(byId).toEqual(byNumber);
    expect(tokenOf(await show(MARIA_CODE)).reward_participant).toEqual(byNumber);
    errorMessage(await client().get('rewards_participants/show', { rewards_participant_identifier: 'number=77' }), CrmCode.participantNotFound);
    errorMessage(await client().get('rewards_participants/show'), CrmCode.mandatoryFieldMissing);
  });
});

describe('fields_set', () => {
  it('returns only the fields asked for, never the pass code', async () => {
    const reply = await client().post('access_tokens/show', { ...byCode(MARIA_CODE), fields_set: 'number, life_cycle_state,pass_code' });
    expect(okData(reply)).toEqual({ number: '11', life_cycle_state: 'EFFECTIVE' });
  });

  it('applies to every token of a list', async () => {
    const reply = await client().get('access_tokens/get_not_associated', { number: '2', fields_set: 'authentication_code' });
    expect(okData(reply)).toEqual([{ authentication_code: 'K7Q2M9X4T1B8R6WD' }, { authentication_code: 'P3N8V5C2H9J4L7ZA' }]);
  });

  it('returns every field when absent', async () => {
    expect(Object.keys(okData(await show(MARIA_CODE)) as object).sort()).toEqual(
      ['authentication_code', 'classification', 'id', 'identifier', 'life_cycle_state', 'log_information', 'number', 'reward_participant'].sort(),
    );
  });
});
