import { z } from 'zod';
import { MAX_REFRESH } from '../../shared/ipc/contract';
import { DEFAULT_DEFINITION } from '../../shared/token/defaultDefinition';
import { accessTokenDefinitionSchema, type AccessTokenDefinition } from '../../shared/token/definition';
import type { TokenDeskDatabase } from './database';

export const META_DEFINITION = 'definition';
export const META_LAST_SYNC = 'lastSync';
export const META_SYNC_CONFIG = 'syncConfig';
export const META_STOCK_FETCHED = 'stockFetchedAt';

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
