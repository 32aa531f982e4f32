import { t } from '../i18n';
import { createStore, type StoreApi } from 'zustand/vanilla';

/** Where a scan goes instead of opening its token (say, the hand-out list picking that card). */
export type ScanTarget = (code: string) => Promise<string | null>;

export interface ScanQueueState {
  /** What the last scan or typed lookup led to, for the operator; null when it simply opened. */
  message: string | null;
  /** Scans waiting behind the one being looked up. */
  waiting: number;
  /** Adds a code; codes are handled one at a time, in order, so none is lost during a slow lookup. */
  enqueue: (code: string) => Promise<void>;
  /** The screen that takes scans now; null gives them back to "open the token". */
  setTarget: (target: ScanTarget | null) => void;
  /** The current target, read by the screen that set it to clear only its own. */
  target: ScanTarget | null;
}

/** Scans in order: each goes to the current target, else to `open` (find the token and show it). */
export function createScanQueue(open: ScanTarget): StoreApi<ScanQueueState> {
  let tail: Promise<void> = Promise.resolve();
  return createStore<ScanQueueState>()((set, get) => {
    const handle = async (code: string) => {
      const route = get().target ?? open;
      let message: string | null;
      try {
        message = await route(code);
      } catch {
        message = t('find.scan.lookupFailed', { code });
      }
      set((state) => ({ message, waiting: state.waiting - 1 }));
    };
    return {
      message: null,
      waiting: 0,
      target: null,
      enqueue: (code) => {
        set((state) => ({ waiting: state.waiting + 1 }));
        tail = tail.then(() => handle(code));
        return tail;
      },
      setTarget: (target) => set({ target, message: null }),
    };
  });
}
