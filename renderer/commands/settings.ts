import type { TokenDeskApi } from '../../shared/ipc/tokenDeskApi';
import type { CommandDeps } from './deps';
import {
  printSettingsSchema,
  scannerConfigSchema,
  writeCounterIdentity,
  writePrintSettings,
  writeScannerConfig,
  writeScreenLock,
  writeSyncConfig,
  type PrintSettings,
  type ScannerConfig,
  type ScreenLock,
  type SyncConfig,
} from '../storage/meta';
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

/** Saves how this counter's scanner is heard (sound) and what it wraps each code in; a bad value is refused in words, nothing saved. */
export async function saveScannerSettings(deps: Pick<CommandDeps, 'db'>, config: ScannerConfig): Promise<ScannerConfig> {
  const checked = scannerConfigSchema.safeParse(config);
  // The schema's messages are sentences for the clerk.
  if (!checked.success) throw new Error(checked.error.issues.map((issue) => issue.message).join(' '));
  return writeScannerConfig(deps.db, checked.data);
}

/** Saves the paper, printer, shop name and instructions, once main agrees this operator may (a manager); a bad value is refused in words, nothing saved. */
export async function savePrintSettings(deps: Pick<CommandDeps, 'db'> & { api: Pick<TokenDeskApi, 'authorize'> }, settings: PrintSettings): Promise<PrintSettings> {
  const checked = printSettingsSchema.safeParse(settings);
  if (!checked.success) throw new Error(checked.error.issues.map((issue) => issue.message).join(' '));
  await deps.api.authorize({ action: 'counterSettings' });
  return writePrintSettings(deps.db, checked.data);
}
