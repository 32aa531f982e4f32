import { z } from 'zod';
import { DEFAULT_DEFINITION } from '../../shared/token/defaultDefinition';
import { accessTokenDefinitionSchema, type AccessTokenDefinition } from '../../shared/token/definition';
import type { TokenDeskDatabase } from './database';

export const META_DEFINITION = 'definition';
export const META_LAST_SYNC = 'lastSync';

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

/** Epoch ms of the last sync that reached the CRM, or null. */
export function readLastSync(db: TokenDeskDatabase): Promise<number | null> {
  return readMeta(db, META_LAST_SYNC, z.number().int().nonnegative().nullable(), null);
}

export async function writeLastSync(db: TokenDeskDatabase, at: number): Promise<void> {
  await db.meta.put({ key: META_LAST_SYNC, value: at });
}
