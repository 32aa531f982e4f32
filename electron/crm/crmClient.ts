import { z } from 'zod';
import {
  accessTokenSchema,
  authenticationReplySchema,
  classificationSchema,
  crmEnvelopeSchema,
  rewardParticipantSchema,
  type AccessTokenIdentifier,
  type ParticipantIdentifier,
  type WireAccessToken,
  withoutSecrets,
} from '../../shared/crm/wire';
import { GUESSED_DIALECT, type CrmDialect } from '../../shared/crm/dialect';
import { CRM_OK } from '../../shared/crm/statusCodes';
import type { LifeCycleState, SwitchTarget } from '../../shared/token/lifeCycle';
import { errorMessage } from '../errorMessage';
import { CrmError, TransportCode } from './crmError';
import { httpTransport, type CrmAnswer, type CrmRequest, type CrmTransport } from './httpTransport';

export interface CrmCredentials {
  username: string;
  password: string;
  organisation: string;
  unit?: string;
}

export interface CreateTokenRequest {
  authentication_code?: string;
  identifier?: string;
  pass_code?: string;
  rewards_participant_identifier?: ParticipantIdentifier;
  accounts_receivable_identifier?: ParticipantIdentifier;
  classification_identifier?: { id: string };
}

export interface UpdateTokenRequest {
  access_token_identifier: AccessTokenIdentifier;
  identifier?: string;
  pass_code?: string;
  /** null asks the CRM to generate a new code. */
  authentication_code?: string | null;
}

export type TokenOwner = { rewards_participant_identifier: ParticipantIdentifier } | { accounts_receivable_identifier: ParticipantIdentifier };

export interface ListTokensRequest {
  owner: TokenOwner;
  classificationId?: string;
  numberOfResults?: number;
  offset?: number;
}

export interface CrmClientOptions {
  /** The server, e.g. https://crm.example.com; the V4 path is added here. */
  serverUrl: string;
  timeoutMs?: number;
  /** How calls go out: node's http(s) unless given (a `fetch` fits). */
  fetch?: CrmTransport;
  /** How this server's error codes read; the guessed codes until calibration. */
  dialect?: () => CrmDialect;
  /** Told of each record of a CRM list (or read) that was skipped as malformed or oversized; the rest goes on. */
  onSkippedRecord?: (skipped: SkippedRecord) => void;
}

export interface SkippedRecord {
  what: string;
  reason: string;
}

/** A method name no CRM.COM release has: asked once at calibration to learn how "no such method" reads. */
export const CALIBRATION_METHOD = 'access_tokens/token_desk_calibration_no_such_method';

type QueryValue = string | number | ParticipantIdentifier | { id: string } | undefined;

const API_PATH = '/crmapi/rest/v2/';

/** `{server}/crmapi/rest/v2/`, whether or not the operator typed the API path. */
export function apiBaseUrl(serverUrl: string): string {
  const trimmed = serverUrl.trim().replace(/\/+$/, '');
  return trimmed.endsWith(API_PATH.slice(0, -1)) ? `${trimmed}/` : `${trimmed}${API_PATH}`;
}

/** Nested identifiers go as `param=field=value` (documented). */
function encodeQuery(params: Record<string, QueryValue>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (typeof value === 'object') {
      const [field, inner] = Object.entries(value)[0] ?? [];
      if (field === undefined || inner === undefined) continue;
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(field)}=${encodeURIComponent(inner)}`);
    } else {
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
    }
  }
  return parts.join('&');
}

function describeTransportFailure(error: unknown): CrmError {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new CrmError('temporary', TransportCode.timeout, 'The CRM did not answer in time.');
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : errorMessage(error);
  return new CrmError('temporary', TransportCode.network, `The CRM could not be reached (${cause}).`);
}

/** Typed access to the CRM.COM V4 API. Every reply is parsed through the wire schemas once, here. */
export class CrmClient {
  private readonly base: string;
  private readonly timeoutMs: number;
  private readonly fetchImpl: CrmTransport;
  readonly dialect: () => CrmDialect;
  /** Reports a record skipped here or by a reader of this client's replies. */
  readonly skipped: (skipped: SkippedRecord) => void;

  constructor(options: CrmClientOptions) {
    this.base = apiBaseUrl(options.serverUrl);
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.fetchImpl = options.fetch ?? httpTransport;
    this.dialect = options.dialect ?? (() => GUESSED_DIALECT);
    this.skipped = options.onSkippedRecord ?? (() => undefined);
  }

  /** A list whose malformed records are skipped (and reported), so one bad record does not stop the rest. */
  private listOf<S extends z.ZodType>(what: string, schema: S) {
    return z.array(z.unknown()).transform((items) =>
      items.flatMap((item): Array<z.output<S>> => {
        const parsed = schema.safeParse(item);
        if (parsed.success) return [parsed.data];
        const issue = parsed.error.issues[0];
        this.skipped({ what, reason: issue ? `${issue.path.join('.') || 'record'}: ${issue.message}` : 'malformed' });
        return [];
      }),
    );
  }

  /** Where this client sends credentials: secrets bound to another origin are not opened for it. */
  get origin(): string {
    return new URL(this.base).origin;
  }

  async login(credentials: CrmCredentials): Promise<string> {
    const reply = await this.post('authentication/token', { ...credentials }, authenticationReplySchema);
    return reply.token;
  }

  async release(token: string): Promise<void> {
    await this.post('authentication/token/release', { token }, null);
  }

  showToken(token: string, identifier: AccessTokenIdentifier): Promise<WireAccessToken> {
    return this.post('access_tokens/show', { token, access_token_identifier: identifier }, accessTokenSchema);
  }

  createToken(token: string, request: CreateTokenRequest): Promise<WireAccessToken> {
    return this.post('access_tokens/create', { token, ...request }, accessTokenSchema);
  }

  updateToken(token: string, request: UpdateTokenRequest): Promise<WireAccessToken> {
    return this.post('access_tokens/update', { token, ...request }, accessTokenSchema);
  }

  setLifeCycleState(token: string, identifier: AccessTokenIdentifier, target: SwitchTarget): Promise<WireAccessToken> {
    const action = target === 'EFFECTIVE' ? 'set_as_effective' : 'set_as_not_effective';
    return this.post(`access_tokens/${action}`, { token, access_token_identifier: identifier }, accessTokenSchema);
  }

  /** Pending verification → effective with the code the customer received (R9+). */
  verifyToken(token: string, identifier: AccessTokenIdentifier, verificationCode: string): Promise<WireAccessToken> {
    return this.post('access_tokens/verify', { token, access_token_identifier: identifier, verification_code: verificationCode }, accessTokenSchema);
  }

  /** Calls a method that cannot exist; the error it gets is what this server says for "no such method". */
  async callMissingMethod(token: string): Promise<void> {
    await this.post(CALIBRATION_METHOD, { token }, null);
  }

  getNotAssociated(token: string, count: number, lifeCycleState?: LifeCycleState): Promise<WireAccessToken[]> {
    const query = { token, number: count, life_cycle_state: lifeCycleState };
    return this.get('access_tokens/get_not_associated', query, this.listOf('access token', accessTokenSchema));
  }

  listTokens(token: string, request: ListTokensRequest): Promise<WireAccessToken[]> {
    const query = {
      token,
      ...request.owner,
      classification_identifier: request.classificationId === undefined ? undefined : { id: request.classificationId },
      number_of_results: request.numberOfResults,
      offset: request.offset,
    };
    return this.get('access_tokens/list', query, this.listOf('access token', accessTokenSchema));
  }

  listClassifications(token: string) {
    return this.get('access_tokens/configuration/classifications/list', { token }, classificationSchema.array());
  }

  /** POST with a JSON body, as documented (FIDELITY.md #5). */
  showParticipant(token: string, identifier: ParticipantIdentifier) {
    return this.post('rewards_participants/show', { token, rewards_participant_identifier: identifier }, rewardParticipantSchema);
  }

  private get<S extends z.ZodType>(path: string, query: Record<string, QueryValue>, schema: S): Promise<z.output<S>> {
    return this.send<z.output<S>>(`${this.base}${path}?${encodeQuery(query)}`, { method: 'GET' }, schema);
  }

  private post<S extends z.ZodType>(path: string, body: object, schema: S): Promise<z.output<S>>;
  private post(path: string, body: object, schema: null): Promise<null>;
  private post(path: string, body: object, schema: z.ZodType | null): Promise<unknown> {
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
    return this.send(`${this.base}${path}`, init, schema);
  }

  private async send<T>(url: string, init: Omit<CrmRequest, 'signal'>, schema: z.ZodType | null): Promise<T> {
    let response: CrmAnswer;
    let text: string;
    try {
      response = await this.fetchImpl(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
      text = await response.text();
    } catch (error) {
      throw describeTransportFailure(error);
    }
    if (!response.ok && !hasEnvelope(text)) {
      throw new CrmError('temporary', `HTTP_${response.status}`, `The CRM answered HTTP ${response.status}.`, { httpStatus: response.status });
    }
    return parseReply(text, schema, { dialect: this.dialect(), httpStatus: response.status }) as T;
  }
}

function badReply(detail: string): CrmError {
  return new CrmError('unknown', TransportCode.badReply, `The CRM sent a reply this app cannot read: ${detail}`);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badReply('not JSON');
  }
}

/** A non-2xx reply is read like any other when its body is a status envelope (FIDELITY.md #7). */
function hasEnvelope(text: string): boolean {
  try {
    return crmEnvelopeSchema.safeParse(JSON.parse(text)).success;
  } catch {
    return false;
  }
}

interface ReplyContext {
  dialect: CrmDialect;
  httpStatus: number;
}

/** Read the envelope first: an error status wins over whatever `data` holds. Secrets in `data` are dropped here. */
export function parseReply(text: string, schema: z.ZodType | null, context: ReplyContext = { dialect: GUESSED_DIALECT, httpStatus: 200 }): unknown {
  const envelope = crmEnvelopeSchema.safeParse(parseJson(text));
  if (!envelope.success) throw badReply('no status envelope');
  const { status } = envelope.data;
  if (status.code !== CRM_OK) {
    const message = status.message || status.description || status.code;
    throw new CrmError(context.dialect.kindOf(status.code), status.code, message, { httpStatus: context.httpStatus, fromCrm: true });
  }
  if (schema === null) return null;
  const parsed = schema.safeParse(withoutSecrets(envelope.data.data));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badReply(issue ? `${issue.path.join('.') || 'data'}: ${issue.message}` : 'unexpected data');
  }
  return parsed.data;
}
