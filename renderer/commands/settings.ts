import type { CommandDeps } from './deps';
import { scannerConfigSchema, writeCounterIdentity, writeScannerConfig, writeSyncConfig, type ScannerConfig, type SyncConfig } from '../storage/meta';
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

/** Saves how this counter's scanner is heard (sound) and what it wraps each code in; a bad value is refused in words, nothing saved. */
export async function saveScannerSettings(deps: Pick<CommandDeps, 'db'>, config: ScannerConfig): Promise<ScannerConfig> {
  const checked = scannerConfigSchema.safeParse(config);
  // The schema's messages are sentences for the clerk.
  if (!checked.success) throw new Error(checked.error.issues.map((issue) => issue.message).join(' '));
  return writeScannerConfig(deps.db, checked.data);
}
