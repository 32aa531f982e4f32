import { ipcEvents, type EventName, type PayloadOf } from '../../shared/ipc/contract';

/** Hears every event main sends, already checked against the contract. */
export type MainEventListener = (event: EventName, payload: unknown) => void;

export interface MainEvents {
  emit<E extends EventName>(event: E, payload: PayloadOf<E>): void;
  /** Returns the unsubscribe. */
  subscribe(listener: MainEventListener): () => void;
}

/**
 * Main speaks first through here; each transport (Electron's webContents.send, the browser shell's
 * page receiver) subscribes once. An event that breaks the contract is a bug in main: it throws here.
 */
export function createMainEvents(): MainEvents {
  const listeners = new Set<MainEventListener>();
  return {
    emit(event, payload) {
      const checked: unknown = ipcEvents[event].parse(payload);
      for (const listener of [...listeners]) listener(event, checked);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
