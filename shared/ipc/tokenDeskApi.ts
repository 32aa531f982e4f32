import { CHANNELS, ipcContract, ipcEnvelopeSchema, type Channel, type IpcError, type ReplyOf, type RequestOf } from './contract';

/** How a preload reaches main: Electron's ipcRenderer.invoke, or a Playwright binding in the browser shell. */
export type Invoke = (channel: Channel, payload: unknown) => Promise<unknown>;

export type TokenDeskApi = { [C in Channel]: (request: RequestOf<C>) => Promise<ReplyOf<C>> };

export class IpcCallError extends Error {
  readonly code: IpcError['code'];
  constructor(error: IpcError) {
    super(error.message);
    this.name = 'IpcCallError';
    this.code = error.code;
  }
}

async function call<C extends Channel>(invoke: Invoke, channel: C, request: RequestOf<C>): Promise<ReplyOf<C>> {
  const envelope = ipcEnvelopeSchema.parse(await invoke(channel, request));
  if (!envelope.ok) throw new IpcCallError(envelope.error);
  return ipcContract[channel].reply.parse(envelope.value) as ReplyOf<C>;
}

/** Builds `window.tokenDesk`: one method per channel of the contract. */
export function createTokenDeskApi(invoke: Invoke): TokenDeskApi {
  const api: Partial<Record<Channel, (request: never) => Promise<unknown>>> = {};
  for (const channel of CHANNELS) {
    api[channel] = (request: never) => call(invoke, channel, request);
  }
  return Object.freeze(api) as TokenDeskApi;
}
