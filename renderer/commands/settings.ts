import type { TokenDeskApi } from '../../shared/ipc/tokenDeskApi';
import type { CommandDeps } from './deps';
import { writeCounterIdentity, writeScreenLock, writeSyncConfig, type ScreenLock, type SyncConfig } from '../storage/meta';
import type { CounterIdentity } from '../storage/rows';

/** Saves this counter's name, screen lock and sync, once main agrees this operator may (a manager); returns the sync config as stored. */
export async function saveCounterSettings(
  deps: Pick<CommandDeps, 'db'> & { api: Pick<TokenDeskApi, 'authorize'> },
  counter: CounterIdentity & ScreenLock,
  config: Pick<SyncConfig, 'intervalMs' | 'stockLevel'>,
): Promise<SyncConfig> {
  await deps.api.authorize({ action: 'counterSettings' });
  await writeCounterIdentity(deps.db, { terminalName: counter.terminalName });
  await writeScreenLock(deps.db, { idleMinutes: counter.idleMinutes });
  return writeSyncConfig(deps.db, config);
}
