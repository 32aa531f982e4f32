import { MAX_REFRESH, type CrmReach } from '../../shared/ipc/contract';
import { handedOutCount, stockCount, stockOnHand } from '../storage/queries';
import { applyMissing, applyServerTokens, stalestTokens } from '../storage/serverCopies';
import { readStockFetchedAt, writeStockFetchedAt, type SyncConfig } from '../storage/meta';
import type { FreshenResult, SyncDeps } from './types';

/**
 * Re-reads up to `refreshCount` known tokens from the CRM, the stalest first, skipping those confirmed
 * within `refreshAfterMs`; applies what changed elsewhere (never over a pending local change) and
 * marks the ones the CRM no longer knows.
 */
export async function refreshStalest(
  deps: Pick<SyncDeps, 'db' | 'api' | 'now'>,
  config: Pick<SyncConfig, 'refreshCount' | 'refreshAfterMs'>,
): Promise<{ refreshed: number; missing: number }> {
  const { db, api, now } = deps;
  const limit = Math.min(config.refreshCount, MAX_REFRESH);
  if (limit === 0) return { refreshed: 0, missing: 0 };
  const tokens = await stalestTokens(db, limit, now() - config.refreshAfterMs);
  if (tokens.length === 0) return { refreshed: 0, missing: 0 };
  const asked = tokens.map((token) => token.authenticationCode);
  const reply = await api.refreshTokens({ authenticationCodes: asked });
  if (reply.crm !== 'ok') return { refreshed: 0, missing: 0 };
  const applied = await applyServerTokens(db, reply.tokens, now());
  const missing = await applyMissing(db, reply.missing.filter((code) => asked.includes(code)), now());
  return { refreshed: applied.updated + applied.inserted, missing };
}

/** What a stock top-up did: tokens added, and whether the CRM answered (null: it was not asked). */
export interface StockTopUp {
  added: number;
  crm: CrmReach | null;
}

/**
 * Re-reads the cards on hand: one another counter has since given an identifier or an owner (or
 * switched off) leaves the stock, so it is neither offered nor counted. Offline, the stock stays as it is.
 */
export async function recheckStock(deps: Pick<SyncDeps, 'db' | 'api' | 'now'>): Promise<void> {
  const onHand = await stockOnHand(deps.db, MAX_REFRESH);
  if (onHand.length === 0) return;
  const reply = await deps.api.refreshTokens({ authenticationCodes: onHand.map((token) => token.authenticationCode) });
  if (reply.crm === 'ok') await applyServerTokens(deps.db, reply.tokens, deps.now());
}

/**
 * Keeps `stockLevel` not-associated tokens to hand out offline. While the CRM has too few, it is
 * asked again only every `stockRetryMs`. The CRM lists the oldest not-associated tokens first and the
 * ones handed out here stay not-associated, so it is asked for as many more as were handed out.
 */
export async function topUpStock(
  deps: Pick<SyncDeps, 'db' | 'api' | 'now'>,
  config: Pick<SyncConfig, 'stockLevel' | 'stockRetryMs'>,
): Promise<StockTopUp> {
  const { db, api, now } = deps;
  const level = Math.min(config.stockLevel, MAX_REFRESH);
  const untouched: StockTopUp = { added: 0, crm: null };
  if (level === 0) return untouched;
  await recheckStock(deps);
  if ((await stockCount(db)) >= level) return untouched;
  const fetchedAt = await readStockFetchedAt(db);
  if (fetchedAt !== null && now() - fetchedAt < config.stockRetryMs) return untouched;
  const reply = await api.fetchStock({ count: Math.min(MAX_REFRESH, level + (await handedOutCount(db))) });
  if (reply.crm !== 'ok') return { added: 0, crm: reply.crm };
  const applied = await applyServerTokens(db, reply.tokens, now(), { stock: true });
  await writeStockFetchedAt(db, now());
  return { added: applied.inserted, crm: 'ok' };
}

/** Both freshness steps; a failure here never fails the sync (the queue is what matters). */
export async function freshen(deps: Pick<SyncDeps, 'db' | 'api' | 'now'>, config: SyncConfig): Promise<FreshenResult | string> {
  try {
    const { refreshed, missing } = await refreshStalest(deps, config);
    const { added: stocked } = await topUpStock(deps, config);
    return { refreshed, missing, stocked };
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
