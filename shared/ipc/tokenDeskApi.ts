import {
  CHANNELS,
  ipcContract,
  ipcEnvelopeSchema,
  ipcEvents,
  isEventName,
  type Channel,
  type EventName,
  type IpcError,
  type PayloadOf,
  type ReplyOf,
  type RequestOf,
} from './contract';
import type { MainWords } from './mainWords';

/** How a preload reaches main: Electron's ipcRenderer.invoke, or a Playwright binding in the browser shell. */
export type Invoke = (channel: Channel, payload: unknown) => Promise<unknown>;

/** How a preload hears main: Electron's ipcRenderer.on, or a receiver the browser shell calls. Unchecked. */
export type Listen = (deliver: (event: unknown, payload: unknown) => void) => void;

export type EventListener<E extends EventName> = (payload: PayloadOf<E>) => void;

export type TokenDeskApi = { [C in Channel]: (request: RequestOf<C>) => Promise<ReplyOf<C>> } & {
  /** Follows one of main's events; returns the unsubscribe. */
  on: <E extends EventName>(event: E, listener: EventListener<E>) => () => void;
};

/** A call main refused or failed: `message` is main's English (for logs), `words` what the clerk is told. */
export class IpcCallError extends Error {
  readonly code: IpcError['code'];
  readonly words: MainWords;
  constructor(error: IpcError) {
    super(error.message);
    this.name = 'IpcCallError';
    this.code = error.code;
    this.words = error.words;
  }
}

async function call<C extends Channel>(invoke: Invoke, channel: C, request: RequestOf<C>): Promise<ReplyOf<C>> {
  const envelope = ipcEnvelopeSchema.parse(await invoke(channel, request));
  if (!envelope.ok) throw new IpcCallError(envelope.error);
  return ipcContract[channel].reply.parse(envelope.value) as ReplyOf<C>;
}

/** Hears main once, checks each event against the contract, and hands it to that event's listeners. */
function eventHub(listen: Listen): TokenDeskApi['on'] {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let listening = false;
  const deliver = (event: unknown, payload: unknown) => {
    if (!isEventName(event)) return;
    const checked = ipcEvents[event].safeParse(payload);
    // Main checked it before sending; what fails here is not main's word, and no listener sees it.
    if (!checked.success) return;
    for (const listener of [...(listeners.get(event) ?? [])]) listener(checked.data);
  };
  return (event, listener) => {
    if (!listening) {
      listening = true;
      listen(deliver);
    }
    const own = (payload: unknown) => listener(payload as PayloadOf<typeof event>);
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set.add(own));
    return () => void set.delete(own);
  };
}

/** Builds `window.tokenDesk`: one method per channel of the contract, and `on` for main's events. */
export function createTokenDeskApi(invoke: Invoke, listen: Listen): TokenDeskApi {
  const api: Partial<Record<Channel, (request: never) => Promise<unknown>>> = {};
  for (const channel of CHANNELS) {
    api[channel] = (request: never) => call(invoke, channel, request);
  }
  return Object.freeze({ ...api, on: eventHub(listen) }) as TokenDeskApi;
}
