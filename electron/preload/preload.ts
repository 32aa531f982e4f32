import { contextBridge, ipcRenderer } from 'electron';
import { ELECTRON_EVENT_CHANNEL, ELECTRON_IPC_CHANNEL } from '../../shared/ipc/contract';
import { config as configureZod } from 'zod';
import { createTokenDeskApi } from '../../shared/ipc/tokenDeskApi';

/** zod's JIT probe uses `new Function`, which the renderer's CSP forbids. */
configureZod({ jitless: true });

contextBridge.exposeInMainWorld(
  'tokenDesk',
  createTokenDeskApi(
    (channel, payload) => ipcRenderer.invoke(ELECTRON_IPC_CHANNEL, channel, payload),
    (deliver) => ipcRenderer.on(ELECTRON_EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => deliver(name, payload)),
  ),
);
