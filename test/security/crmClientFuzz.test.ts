import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CRM_OK, CrmCode } from '../../shared/crm/statusCodes';
import { accessTokenSchema, authenticationReplySchema } from '../../shared/crm/wire';
import { CrmClient, parseReply } from '../../electron/crm/crmClient';
import { CrmError } from '../../electron/crm/crmError';

/** Random and malformed CRM replies: the client answers with parsed data or a typed CrmError, nothing else. */

const KINDS = ['temporary', 'session', 'permanent', 'unknown'];

function expectCrmError(error: unknown): void {
  expect(error, String(error)).toBeInstanceOf(CrmError);
  const crm = error as CrmError;
  expect(KINDS).toContain(crm.kind);
  expect(typeof crm.code).toBe('string');
  expect(typeof crm.message).toBe('string');
}

/** JSON that looks more or less like the CRM's envelope. */
const statusCode = fc.oneof(fc.constant(CRM_OK), fc.constantFrom(...Object.values(CrmCode)), fc.string());
const envelopeLike = fc.record(
  {
    status: fc.oneof(
      fc.record({ code: statusCode, message: fc.oneof(fc.string(), fc.constant(null)), description: fc.oneof(fc.string(), fc.constant(null)) }, { requiredKeys: [] }),
      fc.anything(),
    ),
    data: fc.oneof(fc.anything(), fc.array(fc.anything()), fc.record({ id: fc.string(), token: fc.anything(), authentication_code: fc.anything() }, { requiredKeys: [] })),
  },
  { requiredKeys: [] },
);
const replyText = fc.oneof(
  fc.string(),
  fc.json(),
  envelopeLike.map((e) => JSON.stringify(e)),
  fc.constantFrom('', 'null', '[]', '{"status":null}', '{"status":{"code":"OK"}}', '<html>502 Bad Gateway</html>', '{"status":{"code":"OK","message":null,"description":null},"data":{"token":123}}'),
);

describe('parseReply under random bodies', () => {
  it('returns schema-checked data or throws a CrmError', () => {
    fc.assert(
      fc.property(replyText, fc.constantFrom(accessTokenSchema, authenticationReplySchema, accessTokenSchema.array(), null), (text, schema) => {
        let value: unknown;
        try {
          value = parseReply(text, schema);
        } catch (error) {
          expectCrmError(error);
          return;
        }
        if (schema === null) expect(value).toBeNull();
        else expect(schema.safeParse(value).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('makes an error status win over any data', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.values(CrmCode)), fc.anything(), (code, data) => {
        expect(() => parseReply(JSON.stringify({ status: { code, message: 'm', description: null }, data }) ?? '', accessTokenSchema)).toThrow(CrmError);
      }),
    );
  });
});

type Answer = { kind: 'reply'; status: number; body: string } | { kind: 'throw'; error: unknown } | { kind: 'badBody' };

describe('the client over a fake fetch that answers anything', () => {
  const answer: fc.Arbitrary<Answer> = fc.oneof(
    fc.record({ kind: fc.constant('reply' as const), status: fc.integer({ min: 200, max: 599 }), body: replyText }),
    fc.record({ kind: fc.constant('throw' as const), error: fc.oneof(fc.anything({ withNullPrototype: true }), fc.constant(new TypeError('fetch failed', { cause: new Error('ECONNRESET') })), fc.constant(new DOMException('timed out', 'TimeoutError'))) }),
    fc.record({ kind: fc.constant('badBody' as const) }),
  );

  function fakeFetch(a: Answer): typeof fetch {
    return async () => {
      if (a.kind === 'throw') throw a.error;
      if (a.kind === 'badBody') return { ok: true, status: 200, text: () => Promise.reject(new Error('stream broke')) } as unknown as Response;
      return new Response(a.body, { status: a.status });
    };
  }

  it('every call ends in parsed data or a CrmError', async () => {
    await fc.assert(
      fc.asyncProperty(answer, fc.constantFrom('login', 'show', 'create', 'list', 'stock', 'classifications', 'release'), async (a, call) => {
        const client = new CrmClient({ serverUrl: 'https://crm.example.com', fetch: fakeFetch(a), timeoutMs: 1000 });
        try {
          if (call === 'login') expect(typeof (await client.login({ username: 'u', password: 'p', organisation: 'o' }))).toBe('string');
          else if (call === 'show') expect(accessTokenSchema.safeParse(await client.showToken('t', { authentication_code: 'A1' })).success).toBe(true);
          else if (call === 'create') expect(accessTokenSchema.safeParse(await client.createToken('t', { authentication_code: 'A1' })).success).toBe(true);
          else if (call === 'list') expect(Array.isArray(await client.listTokens('t', { owner: { rewards_participant_identifier: { number: '1' } } }))).toBe(true);
          else if (call === 'stock') expect(Array.isArray(await client.getNotAssociated('t', 3))).toBe(true);
          else if (call === 'classifications') expect(Array.isArray(await client.listClassifications('t'))).toBe(true);
          else expect(await client.release('t')).toBeUndefined();
        } catch (error) {
          expectCrmError(error);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('treats HTTP errors as temporary and unreadable replies as unknown', async () => {
    const client = (a: Answer) => new CrmClient({ serverUrl: 'https://crm.example.com', fetch: fakeFetch(a) });
    await expect(client({ kind: 'reply', status: 503, body: '' }).login({ username: 'u', password: 'p', organisation: 'o' })).rejects.toMatchObject({ kind: 'temporary', code: 'HTTP_503' });
    await expect(client({ kind: 'reply', status: 200, body: 'not json' }).release('t')).rejects.toMatchObject({ kind: 'unknown', code: 'BAD_REPLY' });
    await expect(client({ kind: 'throw', error: Object.create(null) }).release('t')).rejects.toMatchObject({ kind: 'temporary', code: 'NETWORK' });
  });
});
