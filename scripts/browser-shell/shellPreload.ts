import type { Channel } from '../../shared/ipc/contract';
import { config as configureZod } from 'zod';
import { createTokenDeskApi, type TokenDeskApi } from '../../shared/ipc/tokenDeskApi';
import { SHELL_BINDING } from './shellBinding';

/** zod's JIT probe uses `new Function`, which the renderer's CSP forbids. */
configureZod({ jitless: true });


declare global {
  interface Window {
    tokenDesk?: TokenDeskApi;
    [SHELL_BINDING]?: (channel: Channel, payload: unknown) => Promise<unknown>;
  }
}

const invoke = window[SHELL_BINDING];
if (invoke) {
  Object.defineProperty(window, 'tokenDesk', {
    value: createTokenDeskApi((channel, payload) => invoke(channel, payload)),
    writable: false,
    configurable: false,
  });
}
