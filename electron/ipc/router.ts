import type { z } from 'zod';
import { errorMessage } from '../errorMessage';
import type { WordedError } from '../wordedError';
import { wordsOf } from './errorWords';
import { ipcContract, isChannel, type Channel, type IpcContract, type IpcEnvelope, type ReplyOf } from '../../shared/ipc/contract';

/** Names the window an IPC call came from: each window has its own sign-in. */
export interface IpcCaller {
  window: string;
}

/** The caller of tests and tools that drive main without a window (the router's default). */
export const SOLE_WINDOW: IpcCaller = { window: 'sole-window' };

export type Handlers = {
  [C in Channel]: (request: z.output<IpcContract[C]['request']>, caller: IpcCaller) => Promise<ReplyOf<C>>;
};

/** Why `caller` may not use `channel`; null when it may. */
export type AccessCheck = (channel: Channel, caller: IpcCaller) => Promise<WordedError | null>;

export interface IpcRouter {
  handle(channel: unknown, payload: unknown, caller?: IpcCaller): Promise<IpcEnvelope>;
}

const failed = (error: unknown): IpcEnvelope => ({ ok: false, error: { code: 'FAILED', message: errorMessage(error), words: wordsOf(error) } });

/** A call main cannot take (a fault of the caller, never the clerk's): named for the log, said plainly on screen. */
const badCall = (code: 'UNKNOWN_CHANNEL' | 'BAD_REQUEST' | 'BAD_REPLY', channel: string, message: string): IpcEnvelope => ({
  ok: false,
  error: { code, message, words: { code: 'badCall', channel: channel.slice(0, 64) } },
});

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`).join('; ');
}

async function dispatch<C extends Channel>(handlers: Handlers, channel: C, payload: unknown, caller: IpcCaller, access: AccessCheck): Promise<IpcEnvelope> {
  let refusal: WordedError | null;
  try {
    refusal = await access(channel, caller);
  } catch (error) {
    return failed(error);
  }
  if (refusal !== null) return { ok: false, error: { code: 'FORBIDDEN', message: refusal.message, words: refusal.words } };
  const { request, reply } = ipcContract[channel];
  const parsed = request.safeParse(payload);
  if (!parsed.success) {
    return badCall('BAD_REQUEST', channel, `Invalid ${channel} request: ${describeIssues(parsed.error)}`);
  }
  let value: unknown;
  try {
    value = await handlers[channel](parsed.data as z.output<IpcContract[C]['request']>, caller);
  } catch (error) {
    return failed(error);
  }
  const checked = reply.safeParse(value);
  if (!checked.success) {
    return badCall('BAD_REPLY', channel, `Invalid ${channel} reply: ${describeIssues(checked.error)}`);
  }
  return { ok: true, value: checked.data };
}

/** Names a channel for an error message without trusting it: any value can arrive over IPC. */
function describeChannel(channel: unknown): string {
  return typeof channel === 'string' ? JSON.stringify(channel.slice(0, 64)).slice(1, -1) : `(${typeof channel})`;
}

/**
 * The single entry point for every IPC call: asks `access` whether this window may use the channel,
 * checks the request, runs the handler, checks the reply.
 */
export function createRouter(handlers: Handlers, access: AccessCheck = async () => null): IpcRouter {
  return {
    async handle(channel, payload, caller = SOLE_WINDOW) {
      if (!isChannel(channel)) {
        return badCall('UNKNOWN_CHANNEL', describeChannel(channel), `Unknown IPC channel: ${describeChannel(channel)}`);
      }
      try {
        return await dispatch(handlers, channel, payload, caller, access);
      } catch (error) {
        // The request or reply could not even be checked (a hostile object): still an envelope, never a throw.
        return badCall('BAD_REQUEST', channel, `Invalid ${channel} request: ${errorMessage(error)}`);
      }
    },
  };
}
