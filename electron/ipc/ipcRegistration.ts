import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { ELECTRON_IPC_CHANNEL } from '../../shared/ipc/contract';
import type { IpcRouter } from './router';
import type { Logger } from '../logging/logger';
import { createIpcGate, type IpcSender } from '../security/ipcGate';

function senderOf(event: IpcMainInvokeEvent): IpcSender {
  const frame = event.senderFrame;
  return { frameUrl: frame?.url, isMainFrame: frame !== null && frame !== undefined && frame.parent === null };
}

/** Every IPC call lands in the router, and only from our own renderer's main frame. */
export function registerIpc(router: IpcRouter, log: Logger): void {
  const gate = createIpcGate(router, log);
  ipcMain.handle(ELECTRON_IPC_CHANNEL, (event, channel: unknown, payload: unknown) => gate(senderOf(event), channel, payload));
}
