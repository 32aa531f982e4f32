import { contextBridge, ipcRenderer } from 'electron';
import { ELECTRON_IPC_CHANNEL } from '../../shared/ipc/contract';
import { createTokenDeskApi } from '../../shared/ipc/tokenDeskApi';

contextBridge.exposeInMainWorld(
  'tokenDesk',
  createTokenDeskApi((channel, payload) => ipcRenderer.invoke(ELECTRON_IPC_CHANNEL, channel, payload)),
);
