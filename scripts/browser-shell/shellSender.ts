import type { SenderFrame } from '../../electron/security/ipcGate';

/** The shell's bridge answers only the main frame of a page from the app's own origin, as Electron's does for app://. */
export function isShellAppSender(appOrigin: string): (sender: SenderFrame) => boolean {
  return (sender) => {
    if (!sender.isMainFrame || sender.frameUrl === undefined) return false;
    try {
      return new URL(sender.frameUrl).origin === appOrigin;
    } catch {
      return false;
    }
  };
}
