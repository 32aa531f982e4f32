import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { ELECTRON_IPC_CHANNEL } from '../../shared/ipc/contract';
import type { IpcRouter } from '../ipc/router';
import { APP_ORIGIN } from './appProtocol';

function fromOurRenderer(event: IpcMainInvokeEvent): boolean {
  const frameUrl = event.senderFrame?.url;
  return frameUrl !== undefined && new URL(frameUrl).origin === APP_ORIGIN;
}

/** Every IPC call lands in the router, and only from our own renderer's frame. */
export function registerIpc(router: IpcRouter): void {
  ipcMain.handle(ELECTRON_IPC_CHANNEL, (event, channel: unknown, payload: unknown) => {
    if (!fromOurRenderer(event)) {
      return { ok: false, error: { code: 'FAILED', message: 'IPC refused: the sender is not the Token Desk window.' } };
    }
    return router.handle(channel, payload);
  });
}
