import { liveQuery } from 'dexie';
import { z } from 'zod';
import { classificationSummarySchema, MAX_REFRESH, paperSchema, type ClassificationSummary } from '../../shared/ipc/contract';
import { DEFAULT_DEFINITION } from '../../shared/token/defaultDefinition';
import { accessTokenDefinitionSchema, type AccessTokenDefinition } from '../../shared/token/definition';
import type { TokenDeskDatabase } from './database';
import type { CounterIdentity } from './rows';

export const META_DEFINITION = 'definition';
export const META_LAST_SYNC = 'lastSync';
export const META_SYNC_CONFIG = 'syncConfig';
export const META_STOCK_FETCHED = 'stockFetchedAt';
export const META_COUNTER = 'counter';
export const META_CLASSIFICATIONS = 'classifications';
export const META_SCANNER = 'scanner';
export const META_SCREEN_LOCK = 'screenLock';
export const META_PRINTING = 'printing';

/** How this counter syncs; an operator may change it, so it lives in meta. */
export const syncConfigSchema = z.object({
  /** The timer's period. */
  intervalMs: z.number().int().min(5_000).max(3_600_000),
  /** Not-associated tokens to keep in stock for handing out offline (0: none). */
  stockLevel: z.number().int().min(0).max(MAX_REFRESH),
  /** Known tokens re-read from the CRM per sync, stalest first. */
  refreshCount: z.number().int().min(0).max(MAX_REFRESH),
  /** A token confirmed more recently than this is not re-read. */
  refreshAfterMs: z.number().int().min(0),
  /** While the stock stays below its level (the CRM has too few), how long between top-ups. */
  stockRetryMs: z.number().int().min(0),
});
export type SyncConfig = z.infer<typeof syncConfigSchema>;

export const DEFAULT_SYNC_CONFIG: SyncConfig = {
  intervalMs: 30_000,
  stockLevel: 10,
  refreshCount: 25,
  refreshAfterMs: 300_000,
  stockRetryMs: 600_000,
};

/** A meta value checked against its schema; the fallback when it is absent or malformed. */
async function readMeta<T>(db: TokenDeskDatabase, key: string, schema: z.ZodType<T>, fallback: T): Promise<T> {
  const row = await db.meta.get(key);
  if (!row) return fallback;
  const parsed = schema.safeParse(row.value);
  return parsed.success ? parsed.data : fallback;
}

/** The active access token definition (imported by an operator), else the default one. */
export function readDefinition(db: TokenDeskDatabase): Promise<AccessTokenDefinition> {
  return readMeta(db, META_DEFINITION, accessTokenDefinitionSchema, DEFAULT_DEFINITION);
}

export async function writeDefinition(db: TokenDeskDatabase, definition: AccessTokenDefinition): Promise<void> {
  await db.meta.put({ key: META_DEFINITION, value: accessTokenDefinitionSchema.parse(definition) });
}

const epochSchema = z.number().int().nonnegative().nullable();

/** Epoch ms of the last sync that reached the CRM, or null. */
export function readLastSync(db: TokenDeskDatabase): Promise<number | null> {
  return readMeta(db, META_LAST_SYNC, epochSchema, null);
}

export async function writeLastSync(db: TokenDeskDatabase, at: number): Promise<void> {
  await db.meta.put({ key: META_LAST_SYNC, value: at });
}

/** The stored config over the defaults: a key an older version did not store keeps its default. */
export async function readSyncConfig(db: TokenDeskDatabase): Promise<SyncConfig> {
  const stored = await readMeta(db, META_SYNC_CONFIG, syncConfigSchema.partial(), {});
  return { ...DEFAULT_SYNC_CONFIG, ...stored };
}

/** Stores the config, checked; a partial one changes only what it names. */
export async function writeSyncConfig(db: TokenDeskDatabase, config: Partial<SyncConfig>): Promise<SyncConfig> {
  const next = syncConfigSchema.parse({ ...(await readSyncConfig(db)), ...config });
  await db.meta.put({ key: META_SYNC_CONFIG, value: next });
  return next;
}

/** Epoch ms of the last stock top-up that reached the CRM, or null. */
export function readStockFetchedAt(db: TokenDeskDatabase): Promise<number | null> {
  return readMeta(db, META_STOCK_FETCHED, epochSchema, null);
}

export async function writeStockFetchedAt(db: TokenDeskDatabase, at: number): Promise<void> {
  await db.meta.put({ key: META_STOCK_FETCHED, value: at });
}

export const counterIdentitySchema = z.object({
  terminalName: z.string().trim().max(60, 'Terminal name must be at most 60 characters.'),
});

const NO_IDENTITY: CounterIdentity = { terminalName: '' };

/** The terminal name a manager set in Settings (empty when not set; an operator name stored by older versions is ignored). */
export function readCounterIdentity(db: TokenDeskDatabase): Promise<CounterIdentity> {
  return readMeta(db, META_COUNTER, counterIdentitySchema, NO_IDENTITY);
}

/** Stores the name, checked, and stamps it on this connection's audit rows at once. */
export async function writeCounterIdentity(db: TokenDeskDatabase, identity: CounterIdentity): Promise<CounterIdentity> {
  const checked = counterIdentitySchema.parse(identity);
  await db.meta.put({ key: META_COUNTER, value: checked });
  db.actor = { ...db.actor, terminalName: checked.terminalName };
  return checked;
}

/** Keeps `db.actor`'s terminal name equal to the stored one, also when another window changes it; returns the stop. */
export function watchCounterIdentity(db: TokenDeskDatabase): () => void {
  const subscription = liveQuery(() => readCounterIdentity(db)).subscribe({
    next: ({ terminalName }) => {
      db.actor = { ...db.actor, terminalName };
    },
    error: () => undefined,
  });
  return () => subscription.unsubscribe();
}

/** The CRM's token classifications as last fetched, for choosing one offline. */
export function readClassifications(db: TokenDeskDatabase): Promise<ClassificationSummary[]> {
  return readMeta(db, META_CLASSIFICATIONS, z.array(classificationSummarySchema), []);
}

export async function writeClassifications(db: TokenDeskDatabase, classifications: readonly ClassificationSummary[]): Promise<void> {
  await db.meta.put({ key: META_CLASSIFICATIONS, value: z.array(classificationSummarySchema).parse(classifications) });
}

/** When an idle screen locks itself. */
export const screenLockSchema = z.object({
  idleMinutes: z.number().int().min(1, 'Lock the screen after 1 to 120 minutes.').max(120, 'Lock the screen after 1 to 120 minutes.'),
});
export type ScreenLock = z.infer<typeof screenLockSchema>;
export const DEFAULT_SCREEN_LOCK: ScreenLock = { idleMinutes: 5 };

export function readScreenLock(db: TokenDeskDatabase): Promise<ScreenLock> {
  return readMeta(db, META_SCREEN_LOCK, screenLockSchema, DEFAULT_SCREEN_LOCK);
}

export async function writeScreenLock(db: TokenDeskDatabase, lock: ScreenLock): Promise<ScreenLock> {
  const checked = screenLockSchema.parse(lock);
  await db.meta.put({ key: META_SCREEN_LOCK, value: checked });
  return checked;
}

/** How this counter's barcode scanner is heard and what it wraps a code in. */
export const scannerConfigSchema = z.object({
  /** A short beep confirms each scan. */
  sound: z.boolean(),
  /** Characters the scanner sends before and after each code, taken off. */
  prefix: z.string().max(8, 'The scanner prefix must be at most 8 characters.'),
  suffix: z.string().max(8, 'The scanner suffix must be at most 8 characters.'),
});
export type ScannerConfig = z.infer<typeof scannerConfigSchema>;

export const DEFAULT_SCANNER_CONFIG: ScannerConfig = { sound: true, prefix: '', suffix: '' };

export async function readScannerConfig(db: TokenDeskDatabase): Promise<ScannerConfig> {
  return { ...DEFAULT_SCANNER_CONFIG, ...(await readMeta(db, META_SCANNER, scannerConfigSchema.partial(), {})) };
}

export async function writeScannerConfig(db: TokenDeskDatabase, config: ScannerConfig): Promise<ScannerConfig> {
  const checked = scannerConfigSchema.parse(config);
  await db.meta.put({ key: META_SCANNER, value: checked });
  return checked;
}

/** Where and how this counter prints its slips, and what a slip says besides the token. */
export const printSettingsSchema = z.object({
  paper: paperSchema,
  /** The printer's system name; empty: the computer's default printer. */
  printer: z.string().max(512, 'The printer name is at most 512 characters.'),
  shopName: z.string().trim().max(40, 'The shop name is at most 40 characters.'),
  instructions: z.string().trim().max(160, 'The instructions are at most 160 characters.'),
});
export type PrintSettings = z.infer<typeof printSettingsSchema>;

export const DEFAULT_PRINT_SETTINGS: PrintSettings = { paper: '80mm', printer: '', shopName: '', instructions: '' };

export async function readPrintSettings(db: TokenDeskDatabase): Promise<PrintSettings> {
  return { ...DEFAULT_PRINT_SETTINGS, ...(await readMeta(db, META_PRINTING, printSettingsSchema.partial(), {})) };
}

export async function writePrintSettings(db: TokenDeskDatabase, settings: PrintSettings): Promise<PrintSettings> {
  const checked = printSettingsSchema.parse(settings);
  await db.meta.put({ key: META_PRINTING, value: checked });
  return checked;
}
