import type { Channel } from '../../shared/ipc/contract';
import { config as configureZod } from 'zod';
import { createTokenDeskApi, type TokenDeskApi } from '../../shared/ipc/tokenDeskApi';
import { SHELL_BINDING, SHELL_EVENT_RECEIVER } from './shellBinding';

/** zod's JIT probe uses `new Function`, which the renderer's CSP forbids. */
configureZod({ jitless: true });

declare global {
  interface Window {
    tokenDesk?: TokenDeskApi;
    [SHELL_BINDING]?: (channel: Channel, payload: unknown) => Promise<unknown>;
    [SHELL_EVENT_RECEIVER]?: (event: unknown, payload: unknown) => void;
  }
}

const invoke = window[SHELL_BINDING];
if (invoke) {
  const api = createTokenDeskApi(
    (channel, payload) => invoke(channel, payload),
    (deliver) => Object.defineProperty(window, SHELL_EVENT_RECEIVER, { value: deliver, writable: false, configurable: false }),
  );
  Object.defineProperty(window, 'tokenDesk', { value: api, writable: false, configurable: false });
}
