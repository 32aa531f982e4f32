import { recordT } from '../i18n';
import type { ServerToken } from '../../shared/token/serverToken';
import type { TokenDeskDatabase } from './database';
import type { TokenRow } from './rows';
import { freeToHandOut, newTokenRow, withServerFacts, withServerValues } from './tokenRows';

export const MISSING_MESSAGE = recordT('token.facts.missing');

export interface ApplyServerOptions {
  /** The tokens are not-associated stock fetched to hand out offline. */
  stock?: boolean;
}

export interface FreshnessSummary {
  inserted: number;
  updated: number;
  /** Older than what this counter already holds (a read that raced a newer write). */
  stale: number;
}

/** The row this counter stores for a token pulled from the CRM. */
export function fromServer(server: ServerToken, now: number, stock: boolean): TokenRow {
  const fields = {
    identifier: server.identifier,
    authenticationCode: server.authenticationCode,
    lifeCycleState: server.lifeCycleState,
    participantNumber: null,
    syncStatus: 'synced' as const,
    stock: stock && freeToHandOut(server) ? (1 as const) : (0 as const),
  };
  // updatedAt 0: not changed at this counter, which keeps it out of "Recently changed".
  return withServerFacts(newTokenRow(fields, now, 0), server, now);
}

interface Known {
  /** The row held for a token of the reply, by authentication code, else by the CRM's id. */
  row: (server: ServerToken) => TokenRow | undefined;
  /** The row holding the reply's code for that token, if any. */
  codeHolder: (server: ServerToken) => TokenRow | undefined;
}

/** The known rows for a reply: two index reads for the whole batch. */
async function findKnown(db: TokenDeskDatabase, tokens: readonly ServerToken[]): Promise<Known> {
  const byCode = new Map<string, TokenRow>();
  for (const row of await db.tokens.where('authenticationCode').anyOf(tokens.map((t) => t.authenticationCode)).toArray()) {
    byCode.set(row.authenticationCode, row);
  }
  const unknownIds = tokens.filter((t) => !byCode.has(t.authenticationCode)).map((t) => t.id);
  const byServerId = new Map<string, TokenRow>();
  for (const row of await db.tokens.where('serverId').anyOf(unknownIds).toArray()) {
    if (row.serverId !== null) byServerId.set(row.serverId, row);
  }
  return {
    row: (server) => byCode.get(server.authenticationCode) ?? byServerId.get(server.id),
    codeHolder: (server) => byCode.get(server.authenticationCode),
  };
}

/** Which of these tokens still have a change queued: one index read. */
async function withQueuedChanges(db: TokenDeskDatabase, localIds: readonly string[]): Promise<Set<string>> {
  return new Set((await db.outbox.where('tokenLocalId').anyOf([...localIds]).toArray()).map((row) => row.tokenLocalId));
}

/** The CRM's dates are its own clock's local time in one fixed format, so they order as strings. */
const olderThan = (server: ServerToken, token: TokenRow) =>
  token.serverUpdatedDate !== null && server.updatedDate < token.serverUpdatedDate;

/**
 * What the CRM says about tokens, upserted by authentication code (else by the CRM's id), in one
 * transaction. New tokens (made elsewhere) are added as synced. Known tokens get the CRM's facts and
 * confirmedAt; their editable fields (state, identifier, code) only when no change of theirs is still
 * queued, so a pending local change is never overwritten. A copy older than the one held is skipped.
 */
export function applyServerTokens(
  db: TokenDeskDatabase,
  tokens: readonly ServerToken[],
  now: number,
  options: ApplyServerOptions = {},
): Promise<FreshnessSummary> {
  return db.transaction('rw', db.tokens, db.outbox, async () => {
    const summary: FreshnessSummary = { inserted: 0, updated: 0, stale: 0 };
    const known = await findKnown(db, tokens);
    const queued = await withQueuedChanges(db, tokens.map((t) => known.row(t)?.localId).filter((id): id is string => id !== undefined));
    const rows: TokenRow[] = [];
    for (const server of tokens) {
      const local = known.row(server);
      if (!local) {
        rows.push(fromServer(server, now, options.stock === true));
        summary.inserted += 1;
      } else if (olderThan(server, local)) {
        summary.stale += 1;
      } else {
        let next = withServerFacts(local, server, now);
        if (!queued.has(local.localId)) next = { ...withServerValues(next, server, known.codeHolder(server)), syncStatus: 'synced', lastError: null, lastProblem: null };
        rows.push(next);
        summary.updated += 1;
      }
    }
    await db.tokens.bulkPut(rows);
    return summary;
  });
}

/**
 * Marks the tokens the CRM no longer knows as needing attention. A token with a change still queued
 * is left alone: its create may not have landed yet, or its new code not reached the CRM.
 */
export function applyMissing(db: TokenDeskDatabase, codes: readonly string[], now: number): Promise<number> {
  return db.transaction('rw', db.tokens, db.outbox, async () => {
    let marked = 0;
    for (const code of codes) {
      const token = await db.tokens.where('authenticationCode').equals(code).first();
      if (!token) continue;
      if ((await db.outbox.where('tokenLocalId').equals(token.localId).count()) > 0) continue;
      await db.tokens.update(token.localId, { syncStatus: 'attention', lastError: MISSING_MESSAGE, lastProblem: { kind: 'missing' }, stock: 0, updatedAt: now });
      marked += 1;
    }
    return marked;
  });
}

/**
 * Synced tokens with nothing queued, the one the CRM confirmed longest ago first (by index), confirmed
 * before `confirmedBefore` (default: any time).
 */
export async function stalestTokens(db: TokenDeskDatabase, limit: number, confirmedBefore = Number.MAX_SAFE_INTEGER): Promise<TokenRow[]> {
  return db.transaction('r', db.tokens, db.outbox, async () => {
    const queued = new Set((await db.outbox.orderBy('tokenLocalId').uniqueKeys()).map(String));
    return db.tokens
      .where('confirmedAt')
      .below(confirmedBefore)
      .filter((token) => token.syncStatus === 'synced' && !queued.has(token.localId))
      .limit(limit)
      .toArray();
  });
}
