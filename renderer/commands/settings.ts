import type { CommandDeps } from './deps';
import { writeCounterIdentity, writeSyncConfig, type SyncConfig } from '../storage/meta';
import type { CounterIdentity } from '../storage/rows';

/** Saves who works at this counter and how it syncs; returns the sync config as stored. */
export async function saveCounterSettings(
  deps: Pick<CommandDeps, 'db'>,
  identity: CounterIdentity,
  config: Pick<SyncConfig, 'intervalMs' | 'stockLevel'>,
): Promise<SyncConfig> {
  await writeCounterIdentity(deps.db, identity);
  return writeSyncConfig(deps.db, config);
}
