import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { ELECTRON_EVENT_CHANNEL, ELECTRON_IPC_CHANNEL } from '../../shared/ipc/contract';
import type { Logger } from '../logging/logger';
import { createIpcGate, type IpcSender } from '../security/ipcGate';
import type { MainEvents } from './mainEvents';
import type { IpcRouter } from './router';

function senderOf(event: IpcMainInvokeEvent): IpcSender {
  const frame = event.senderFrame;
  return { frameUrl: frame?.url, isMainFrame: frame !== null && frame !== undefined && frame.parent === null, window: String(event.sender.id) };
}

/** Calls `gone` once a window that called main closes, so its sign-in ends with it. */
function watchWindows(gone: (window: string) => void): (event: IpcMainInvokeEvent) => void {
  const watched = new Set<number>();
  return (event) => {
    const { id } = event.sender;
    if (watched.has(id)) return;
    watched.add(id);
    event.sender.once('destroyed', () => {
      watched.delete(id);
      gone(String(id));
    });
  };
}

/**
 * Every IPC call lands in the router, and only from our own renderer's main frame, under the sign-in
 * of its window (which ends when the window closes: `windowGone`). Every event main speaks goes to each
 * of the app's windows on the one event channel.
 */
export function registerIpc(router: IpcRouter, events: Pick<MainEvents, 'subscribe'>, log: Logger, windowGone: (window: string) => void): void {
  const gate = createIpcGate(router, log);
  const watch = watchWindows(windowGone);
  ipcMain.handle(ELECTRON_IPC_CHANNEL, (event, channel: unknown, payload: unknown) => {
    watch(event);
    return gate(senderOf(event), channel, payload);
  });
  events.subscribe((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(ELECTRON_EVENT_CHANNEL, event, payload);
  });
}
