import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accessTokenSchema, crmEnvelopeSchema } from '../../shared/crm/wire';
import { toServerToken } from '../../shared/token/serverToken';

const fixturePath = resolve(import.meta.dirname, '../../../shared/crm-api/fixtures/access_tokens-show.response.json');
const fixture: unknown = JSON.parse(readFileSync(fixturePath, 'utf8'));

describe('CRM wire schemas', () => {
  it('parse the documented access_tokens/show reply unchanged', () => {
    const envelope = crmEnvelopeSchema.parse(fixture);
    expect(envelope.status.code).toBe('OK');
    const token = accessTokenSchema.parse(envelope.data);
    expect(envelope).toEqual(fixture);
    expect(token).toEqual((fixture as { data: unknown }).data);
  });

  it('map the documented reply to the app’s token', () => {
    const token = toServerToken(accessTokenSchema.parse(crmEnvelopeSchema.parse(fixture).data));
    expect(token).toEqual({
      id: 'F87296F4640D8261183FD93240B21448',
      number: '10',
      identifier: 'replace',
      authenticationCode: 'replace',
      lifeCycleState: 'EFFECTIVE',
      participant: {
        id: 'FF8DBE4ED93CCD249BEA7A8758E9DE1F',
        number: '1',
        accountNumber: '000001',
        accountName: 'Photos Panayi',
        ownerName: 'Ioannou Marios',
      },
      classificationName: null,
      createdDate: '2014-12-01T14:41:53',
      updatedDate: '2014-12-01T14:49:01',
      createdBy: 'MPAdministrator',
      updatedBy: 'MPAdministrator',
    });
  });

  it('reject a token with an unknown life cycle state or a zoned date', () => {
    const data = (fixture as { data: Record<string, unknown> }).data;
    expect(accessTokenSchema.safeParse({ ...data, life_cycle_state: 'CANCELLED' }).success).toBe(false);
    const log = { ...(data.log_information as object), updated_date: '2014-12-01T14:49:01Z' };
    expect(accessTokenSchema.safeParse({ ...data, log_information: log }).success).toBe(false);
  });

  it('reject an envelope without a status', () => {
    expect(crmEnvelopeSchema.safeParse({ data: {} }).success).toBe(false);
  });
});
