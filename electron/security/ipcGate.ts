import type { IpcEnvelope } from '../../shared/ipc/contract';
import type { IpcRouter } from '../ipc/router';
import type { Logger } from '../logging/logger';
import { isAppUrl } from '../protocol/appOrigin';

/** What main knows about who sent an IPC call (Electron's event.senderFrame). */
export interface IpcSender {
  /** The sending frame's URL; undefined when the frame is gone. */
  frameUrl: string | undefined;
  /** False for a subframe. */
  isMainFrame: boolean;
  /** Names the sending window (Electron's webContents id), whose sign-in the call runs under. */
  window: string;
}

/** What decides whether a sender is trusted: its frame, not its window. */
export type SenderFrame = Pick<IpcSender, 'frameUrl' | 'isMainFrame'>;

export const REFUSED_SENDER: IpcEnvelope = {
  ok: false,
  error: { code: 'FAILED', message: 'IPC refused: the sender is not the Token Desk window.', words: { code: 'notTheWindow' } },
};

/** Only the main frame of a page served from app://token-desk may call main. */
export function isTrustedSender(sender: SenderFrame): boolean {
  return sender.isMainFrame && isAppUrl(sender.frameUrl);
}

/**
 * Every IPC call passes here: the sender is checked first, then the router checks the payload. The
 * browser shell passes its own check (its app is served from a loopback origin, not app://).
 */
export function createIpcGate(router: IpcRouter, log: Logger, isTrusted: (sender: SenderFrame) => boolean = isTrustedSender) {
  return async (sender: IpcSender, channel: unknown, payload: unknown): Promise<IpcEnvelope> => {
    if (!isTrusted(sender)) {
      log.warn('Refused an IPC call from an untrusted sender', {
        channel: typeof channel === 'string' ? channel.slice(0, 64) : typeof channel,
        frameUrl: String(sender.frameUrl ?? 'none').slice(0, 200),
        isMainFrame: sender.isMainFrame,
      });
      return REFUSED_SENDER;
    }
    return router.handle(channel, payload, { window: sender.window });
  };
}
