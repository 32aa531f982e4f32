import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parseJson, readBody, sendJson } from './httpIo';
import type { SimTokenRecord } from './simState';
import { parseSwitchesPatch, type SimSwitches } from './simSwitches';

/** What `GET /state` shows: pass codes are left out. */
export interface ControlState {
  switches: SimSwitches;
  tokens: Array<Omit<SimTokenRecord, 'pass_code'>>;
  listening: boolean;
}

/** The simulator as the control endpoint sees it. */
export interface ControlTarget {
  controlState(): ControlState;
  setSwitches(patch: Partial<SimSwitches>): Promise<void>;
  expireSessions(): void;
}

type ControlRoute = (target: ControlTarget, req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

async function postSwitches(target: ControlTarget, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const parsed = parseJson(await readBody(req));
  if (!parsed.ok) return sendJson(res, 400, { error: `The body is not valid JSON: ${parsed.reason}` });
  let patch: Partial<SimSwitches>;
  try {
    patch = parseSwitchesPatch(parsed.value);
  } catch (error) {
    return sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
  }
  await target.setSwitches(patch);
  sendJson(res, 200, { switches: target.controlState().switches });
}

const CONTROL_ROUTES: ReadonlyMap<string, ControlRoute> = new Map<string, ControlRoute>([
  ['GET /state', (target, _req, res) => sendJson(res, 200, target.controlState())],
  ['POST /switches', postSwitches],
  [
    'POST /expire-sessions',
    (target, _req, res) => {
      target.expireSessions();
      sendJson(res, 200, { expired: true });
    },
  ],
]);

/** The control listener: `GET /state`, `POST /switches` (partial switches), `POST /expire-sessions`. */
export function createControlHandler(target: ControlTarget): RequestListener {
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const route = CONTROL_ROUTES.get(`${req.method ?? ''} ${path}`);
    if (!route) {
      sendJson(res, 404, { error: `No control route ${req.method ?? ''} ${path}; use GET /state, POST /switches, POST /expire-sessions.` });
      return;
    }
    Promise.resolve(route(target, req, res)).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) });
    });
  };
}
