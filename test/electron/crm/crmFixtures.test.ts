import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CrmDialect, uncalibrated } from '../../../shared/crm/dialect';
import {
  accessTokenFieldsSchema,
  accessTokenSchema,
  authenticationReplySchema,
  logInformationSchema,
  rewardParticipantSchema,
} from '../../../shared/crm/wire';
import { toOwnerSummary, toServerToken } from '../../../shared/token/serverToken';
import { CrmClient, parseReply } from '../../../electron/crm/crmClient';
import { sessionExpiry } from '../../../electron/crm/sessionExpiry';

/** Every reply sample of FIDELITY.md §2, as test/fixtures/crm/NN-*.json. */
const DIR = new URL('../../fixtures/crm/', import.meta.url);
const fixture = (prefix: string): Record<string, unknown> => {
  const name = readdirSync(DIR).find((file) => file.startsWith(`${prefix}-`));
  if (!name) throw new Error(`no fixture ${prefix}`);
  return JSON.parse(readFileSync(new URL(name, DIR), 'utf8')) as Record<string, unknown>;
};
const text = (prefix: string) => JSON.stringify(fixture(prefix));

describe('FIDELITY.md §2 reply samples', () => {
  it('has a fixture for each of the 18 samples', () => {
    expect(readdirSync(DIR).filter((f) => /^\d\d-.*\.json$/.test(f)).map((f) => f.slice(0, 2))).toEqual(
      Array.from({ length: 18 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
  });

  it('1: reads the R5 show reply with a digits number and the owner under reward_participant', () => {
    const token = toServerToken(parseReply(text('01'), accessTokenSchema) as never);
    expect(token).toMatchObject({ number: '10', lifeCycleState: 'EFFECTIVE', participant: { number: '1', accountNumber: '000001', ownerName: 'Ioannou Marios' } });
  });

  it('2: reads a trimmed set_as_effective reply: AT number and the owner as a top-level accounts receivable', () => {
    const fields = accessTokenFieldsSchema.parse(parseReply(text('02'), accessTokenFieldsSchema));
    expect(fields.number).toBe('AT0000000671');
    expect(toOwnerSummary(null, fields.accounts_receivable ?? null)).toEqual({
      id: '8C1E866074D743EE834E910A28C1E582',
      number: null,
      accountNumber: 'ACR0000000069',
      accountName: 'ACR0000000069 Polina Kestora',
      ownerName: 'Polina Kestora',
    });
  });

  it.each(['03', '04', '06', '07'])('%s: reads the visible part of a token reply with "" status strings', (prefix) => {
    const fields = accessTokenFieldsSchema.parse(parseReply(text(prefix), accessTokenFieldsSchema));
    expect(logInformationSchema.safeParse(fields.log_information).success).toBe(true);
  });

  it('4 and 5: reads a pending-verification token whole, owner from rewards_participant + accounts_receivable, secrets dropped', () => {
    const wire = parseReply(text('05'), accessTokenSchema);
    const serialised = JSON.stringify(wire);
    for (const secret of ['verification_code', 'pass_code', 'random_pass_code', '273562', 'X7Y8Z9']) expect(serialised).not.toContain(secret);
    const token = toServerToken(wire as never);
    expect(token).toMatchObject({ number: 'AT0000000136', authenticationCode: 'ET', lifeCycleState: 'PENDING_VERIFICATION', classificationName: 'Gold card' });
    expect(token.participant).toMatchObject({ number: '29', accountNumber: 'ACR0000000069', ownerName: 'Polina Kestora' });
    expect(fixture('04')).toMatchObject({ data: { number: 'AT0000000136' } });
  });

  it('8: reads the show by identifier and pass code with null status strings', () => {
    expect(toServerToken(parseReply(text('08'), accessTokenSchema) as never)).toMatchObject({ identifier: 'kyriakos', updatedDate: '2014-12-03T13:11:57' });
  });

  it('9: reads the not-associated list as an array', () => {
    expect(parseReply(text('09'), accessTokenFieldsSchema.array())).toHaveLength(1);
  });

  it('10: drops the one-time password of generate_otp (status after data)', () => {
    const data = parseReply(text('10'), accessTokenFieldsSchema);
    expect(data).toMatchObject({ number: 'AT0000000758' });
    expect(JSON.stringify(data)).not.toContain('073482');
  });

  it('11 and 12: reads both session tokens; only the JWT has an expiry', () => {
    const classic = authenticationReplySchema.parse(parseReply(text('11'), authenticationReplySchema));
    const jwt = authenticationReplySchema.parse(parseReply(text('12'), authenticationReplySchema));
    expect(sessionExpiry(classic.token)).toBeNull();
    expect(sessionExpiry(jwt.token)).toBe(1_700_007_200_000);
  });

  it('13 and 14: an OK reply with empty or missing data is fine where none is wanted', () => {
    expect(parseReply(text('13'), null)).toBeNull();
    expect(parseReply(text('14'), null)).toBeNull();
  });

  it('15 and 16: reads participants with or without id, udf values and opaque numbers', () => {
    expect(rewardParticipantSchema.parse(parseReply(text('15'), rewardParticipantSchema))).toMatchObject({ number: '29' });
    expect(rewardParticipantSchema.parse(parseReply(text('16'), rewardParticipantSchema))).toMatchObject({ number: '16', id: '16AB' });
  });

  it('17: reads an accounts receivable reply with a user without username', () => {
    const data = parseReply(text('17'), accessTokenFieldsSchema.pick({ log_information: true }));
    expect(data).toMatchObject({ log_information: { updated_by_user: { person_name: 'CRM COM' } } });
  });

  it('18: reads an error envelope by its code whatever the HTTP status; a body without one is temporary', async () => {
    const { cases } = fixture('18') as { cases: Array<{ httpStatus: number; body: unknown }> };
    const dialect = new CrmDialect({ ...uncalibrated('x'), calibratedAt: 'now', answers: { tokenNotFound: { code: 'COM.CRM.EXCEPTION.UNPUBLISHED', httpStatus: 404 } } });
    for (const { httpStatus, body } of cases) {
      const client = new CrmClient({ serverUrl: 'http://crm.test', dialect: () => dialect, fetch: async () => new Response(JSON.stringify(body), { status: httpStatus }) });
      await expect(client.showToken('T', { authentication_code: 'X' })).rejects.toMatchObject({ kind: 'permanent', code: 'COM.CRM.EXCEPTION.UNPUBLISHED', httpStatus, fromCrm: true });
    }
    const html = new CrmClient({ serverUrl: 'http://crm.test', fetch: async () => new Response('<html>busy</html>', { status: 503 }) });
    await expect(html.showToken('T', { authentication_code: 'X' })).rejects.toMatchObject({ kind: 'temporary', code: 'HTTP_503' });
  });
});
