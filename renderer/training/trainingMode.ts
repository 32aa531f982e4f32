import { Dexie } from 'dexie';
import type { TokenDeskApi } from '../../shared/ipc/tokenDeskApi';
import { DEFAULT_DATABASE_NAME } from '../storage/database';

/** Training work's own IndexedDB database: never the same as the real counter's. */
export const TRAINING_DATABASE_NAME = `${DEFAULT_DATABASE_NAME}-training`;

export function databaseName(training: boolean): string {
  return training ? TRAINING_DATABASE_NAME : DEFAULT_DATABASE_NAME;
}

/** The bridge for one mode's window: every push and journal call says which mode it belongs to, and main refuses a mismatch. */
export function apiForMode(api: TokenDeskApi, training: boolean): TokenDeskApi {
  return Object.freeze({
    ...api,
    pushOperations: (request) => api.pushOperations({ ...request, training }),
    journalAppend: (request) => api.journalAppend({ ...request, training }),
    journalSettle: (request) => api.journalSettle({ ...request, training }),
    journalRead: (request) => api.journalRead({ ...request, training }),
  });
}

export interface TrainingSwitchDeps {
  api: Pick<TokenDeskApi, 'setTraining'>;
  /** Stops this window's syncs first, so nothing of this mode is sent once main has switched. */
  stopSync: () => void;
  /** Opens the app afresh on the other mode's database. */
  reload: () => void;
}

/**
 * Switches training mode, then reopens the window on the other database. Entering training starts
 * from an empty training database, as main starts the simulator from its demo data.
 */
export async function switchTraining(on: boolean, deps: TrainingSwitchDeps): Promise<void> {
  deps.stopSync();
  await deps.api.setTraining({ on });
  if (on) await Dexie.delete(TRAINING_DATABASE_NAME);
  deps.reload();
}
