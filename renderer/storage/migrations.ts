import type { Transaction } from 'dexie';
import type { TokenDeskDatabase } from './database';
import type { BaseVersion } from '../../shared/ipc/contract';
import { oppositeState, type SwitchTarget } from '../../shared/token/lifeCycle';
import type { OutboxRow, TokenRow } from './rows';
import { countRows, type QueueCountsRow } from './queueCounts';
import { searchKeysOf } from './searchKeys';

/** The schema of each version, as Dexie wants it. A new version adds an entry; old entries never change. */
export const SCHEMA_V1 = {
  tokens: 'localId, &authenticationCode, identifier, number, lifeCycleState, participantNumber, syncStatus, updatedAt',
  outbox: '++seq, tokenLocalId, status',
  meta: 'key',
  audit: '++id, tokenLocalId, at',
};

/** v2: "stalest first" (confirmedAt), the offline stock (stock 0/1) and lookups by the CRM's id. */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  tokens: `${SCHEMA_V1.tokens}, confirmedAt, stock, serverId`,
};

/** v3: upper-case copies of the code and the identifier, so Find uses plain index reads instead of case-folding scans. */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  tokens: `${SCHEMA_V2.tokens}, codeKey, identifierKey`,
};

/**
 * v4: one multi-entry index of search keys replaces the code and identifier copies, so Find makes one
 * read; and the queue's counts in one row, kept by the outbox's own writes.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  tokens: `${SCHEMA_V2.tokens}, *searchKeys`,
  queueCounts: 'key',
};

/**
 * v5: the same index with shorter entries: an identifier's prefix is keyed with the rest of the
 * identifier, where v4 keyed it with a rank and the whole identifier (see searchKeysOf).
 */
export const SCHEMA_V5 = SCHEMA_V4;

/** The tokens store as it is now (the benchmark builds the same store in raw IndexedDB). */
export const TOKENS_SCHEMA = SCHEMA_V5.tokens;

type V1Token = Omit<TokenRow, 'stock'> & { stock?: TokenRow['stock'] };
type V1Outbox = Omit<OutboxRow, 'nextTryAt' | 'leaseUntil' | 'leaseOwner' | 'conflicts' | 'op'> &
  Partial<Pick<OutboxRow, 'nextTryAt' | 'leaseUntil' | 'leaseOwner' | 'conflicts'>> & {
    op: OutboxRow['op'] | { kind: 'setState' | 'update'; target?: SwitchTarget; base?: BaseVersion };
  };

/**
 * v1 queued switches without the version they were based on: the best belief is the token's last
 * CRM date and, for a switch, the opposite of its target (a switch only ever flips the state).
 */
function v1Base(op: V1Outbox['op'], token: V1Token | undefined): BaseVersion {
  const state = token?.lifeCycleState ?? 'EFFECTIVE';
  return {
    updatedDate: token?.serverUpdatedDate ?? null,
    lifeCycleState: op.kind === 'setState' && 'target' in op && op.target ? oppositeState(op.target) : state,
    identifier: token?.identifier ?? null,
  };
}

/** How often a rewrite of every token tells the window how far it is. */
const PROGRESS_EVERY = 1_000;

/**
 * Rewrites every token in place, telling the database's `upgradeProgress` (the window) how far it is:
 * at 100,000 tokens and more an upgrade takes minutes, and the window has nothing else to show.
 */
async function rewriteTokens<T>(tx: Transaction, rewrite: (token: T) => void): Promise<void> {
  const report = (tx.db as TokenDeskDatabase).upgradeProgress;
  const tokens = tx.table<T, string>('tokens');
  const total = report ? await tokens.count() : 0;
  let done = 0;
  report?.(done, total);
  await tokens.toCollection().modify((token) => {
    rewrite(token);
    done += 1;
    if (done % PROGRESS_EVERY === 0) report?.(done, total);
  });
  report?.(done, total);
}

/** Fills what v2 adds on every existing row: no stock, nothing backed off or leased, no conflicts, a base per change. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await rewriteTokens<V1Token>(tx, (token) => {
    token.stock ??= 0;
  });
  const tokens = new Map((await tx.table<V1Token, string>('tokens').toArray()).map((token) => [token.localId, token]));
  await tx.table<V1Outbox, number>('outbox').toCollection().modify((row) => {
    row.nextTryAt ??= 0;
    row.leaseUntil ??= 0;
    row.leaseOwner ??= null;
    row.conflicts ??= null;
    if (row.op.kind !== 'create' && !('base' in row.op && row.op.base)) {
      row.op = { ...row.op, base: v1Base(row.op, tokens.get(row.tokenLocalId)) } as V1Outbox['op'];
    }
  });
}

type V3Token = Omit<TokenRow, 'searchKeys'> & { codeKey?: string; identifierKey?: string | null };

/** Fills the v3 search keys on every token. */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  await rewriteTokens<V3Token>(tx, (token) => {
    token.codeKey = token.authenticationCode.toUpperCase();
    token.identifierKey = token.identifier?.toUpperCase() ?? null;
  });
}

/** Replaces the v3 copies with the v4 search keys on every token, and counts the queue. */
export async function upgradeToV4(tx: Transaction): Promise<void> {
  const outbox = await tx.table<OutboxRow, number>('outbox').toArray();
  await tx.table<QueueCountsRow, string>('queueCounts').put(countRows(outbox.map((row) => ({ ...row, seq: row.seq ?? 0 }))));
  await rewriteTokens<V3Token & Partial<Pick<TokenRow, 'searchKeys'>>>(tx, (token) => {
    delete token.codeKey;
    delete token.identifierKey;
    token.searchKeys = searchKeysOf(token);
  });
}

/** Rewrites every token's search keys in the v5 layout (Dexie rewrites the index entries with them). */
export async function upgradeToV5(tx: Transaction): Promise<void> {
  await rewriteTokens<TokenRow>(tx, (token) => {
    token.searchKeys = searchKeysOf(token);
  });
}
