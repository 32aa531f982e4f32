import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { CRM_OK, CrmCode } from '../../shared/crm/statusCodes';
import { parseJson, readBody, sendJson, sendText } from './httpIo';
import { CrmError, fail } from './simErrors';
import { isPlainObject, queryParams, type Params } from './simParams';
import { dialectAnswer } from './simProfile';
import type { Crm } from './simRoutes';
import type { SwitchBoard } from './simSwitches';

/** The API's base path (SPEC.md): `{server}/crmapi/rest/v2/<module>/<action>`. */
export const API_BASE = '/crmapi/rest/v2/';

export interface ApiCall {
  method: string;
  path: string;
  at: number;
}

export interface ApiDeps {
  crm: Crm;
  switches: SwitchBoard;
  record(call: ApiCall): void;
}

interface Envelope {
  status: { code: string; message: string | null; description: string | null };
  data: unknown;
}

interface Answer {
  httpStatus: number;
  envelope: Envelope;
}

function okAnswer(crm: Crm, data: unknown): Answer {
  const text = crm.profile.emptyMessages ? '' : null;
  return { httpStatus: 200, envelope: { status: { code: CRM_OK, message: text, description: text }, data } };
}

function errorAnswer(crm: Crm, error: CrmError): Answer {
  const { code, httpStatus } = dialectAnswer(crm.dialect, error.code);
  return { httpStatus, envelope: { status: { code, message: error.message, description: error.description }, data: null } };
}

async function jsonParams(req: IncomingMessage): Promise<Params> {
  const text = await readBody(req).catch((error: unknown) => fail(CrmCode.invalidRequest, String(error)));
  const parsed = parseJson(text);
  if (!parsed.ok) return fail(CrmCode.invalidRequest, `The request body is not valid JSON: ${parsed.reason}`);
  if (!isPlainObject(parsed.value)) return fail(CrmCode.invalidRequest, 'The request body must be a JSON object.');
  return parsed.value;
}

function sessionToken(params: Params): string {
  const token = params.token;
  return typeof token === 'string' && token !== '' ? token : fail(CrmCode.invalidToken, 'A session token is required; log in first.');
}

/** The method a path names, e.g. "access_tokens/create". */
function actionOf(url: URL): string {
  return url.pathname.startsWith(API_BASE) ? url.pathname.slice(API_BASE.length).replace(/\/+$/, '') : url.pathname;
}

/** Routes one call: method path, HTTP verb, parameters, session token; the reply's data. */
async function handle(crm: Crm, req: IncomingMessage, url: URL): Promise<unknown> {
  const action = actionOf(url);
  const route = crm.routes.get(action) ?? fail(CrmCode.methodNotFound, `There is no method ${action}.`);
  const verb = route.verbs.find((v) => v === req.method);
  if (verb === undefined) {
    fail(CrmCode.httpMethodNotAllowed, `${action} must be called with HTTP ${route.verbs.join(' or ')}, not ${req.method ?? '?'}.`);
  }
  const params = verb === 'GET' ? queryParams(url.searchParams) : await jsonParams(req);
  if (route.open) return route.handle(params, crm);
  const token = sessionToken(params);
  return route.handle({ params, crm, token, session: crm.sessions.use(token) });
}

async function answerFor(crm: Crm, req: IncomingMessage, url: URL): Promise<Answer> {
  try {
    return okAnswer(crm, await handle(crm, req, url));
  } catch (error) {
    if (error instanceof CrmError) return errorAnswer(crm, error);
    throw error;
  }
}

/**
 * Per call: record it; failNext → 500 and nothing done; latency; handle (committed);
 * replyDelayMs; dropNextReplies → no reply.
 */
async function serve(deps: ApiDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const action = actionOf(url);
  deps.record({ method: req.method ?? '', path: url.pathname, at: Date.now() });
  if (deps.switches.take('failNext', action)) return sendText(res, 500, 'Simulated server failure (failNext).');
  const { latencyMs } = deps.switches.current();
  if (latencyMs > 0) await delay(latencyMs);
  const answer = await answerFor(deps.crm, req, url);
  const { replyDelayMs } = deps.switches.current();
  if (replyDelayMs > 0) await delay(replyDelayMs);
  if (deps.switches.take('dropNextReplies', action)) {
    req.socket.destroy();
    return;
  }
  sendJson(res, answer.httpStatus, answer.envelope);
}

export function createApiHandler(deps: ApiDeps): RequestListener {
  return (req, res) => {
    serve(deps, req, res).catch((error: unknown) => {
      console.error('crm-sim: unexpected error', error);
      if (!res.headersSent) sendText(res, 500, 'Internal simulator error.');
    });
  };
}
