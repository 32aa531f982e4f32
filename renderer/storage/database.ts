import { Dexie, type DexieOptions, type Table } from 'dexie';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, upgradeToV2, upgradeToV3, upgradeToV4, upgradeToV5 } from './migrations';
import { queueCountsMiddleware, type QueueCountsRow } from './queueCounts';
import type { AuditRow, CounterActor, MetaRow, OutboxRow, TokenRow } from './rows';

export const DEFAULT_DATABASE_NAME = 'token-desk';

/** The counter's IndexedDB cache. Versioned from day one: a schema change adds a version with its upgrade. */
export class TokenDeskDatabase extends Dexie {
  declare tokens: Table<TokenRow, string>;
  declare outbox: Table<OutboxRow, number>;
  declare meta: Table<MetaRow, string>;
  declare audit: Table<AuditRow, number>;
  declare queueCounts: Table<QueueCountsRow, string>;
  /** Names this connection (one window) in outbox leases; another connection, even to the same database, has its own. */
  readonly connectionId: string = crypto.randomUUID();
  /**
   * Who works at this counter: the terminal name kept in step with meta (`watchCounterIdentity`), the
   * operator with main's sign-in (the operators store). Every audit row (written inside transactions
   * that do not include meta) says who did it from here.
   */
  actor: CounterActor = { terminalName: '', operator: null };
  /** Told how far an upgrade's rewrite of every token is (tokens done, of total), so the window can say it. */
  upgradeProgress: ((done: number, total: number) => void) | null = null;

  /** `options` lets the benchmark compare transaction durabilities on the same schema. */
  constructor(name: string = DEFAULT_DATABASE_NAME, options?: DexieOptions) {
    // Every read-write transaction here carries an operator's work or applies a CRM reply, so each is
    // strict: committed to disk before it reports success (Chromium's default has been relaxed since
    // version 121). Dexie 4.4 takes durability per database, not per transaction.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    this.version(3).stores(SCHEMA_V3).upgrade(upgradeToV3);
    this.version(4).stores(SCHEMA_V4).upgrade(upgradeToV4);
    this.version(5).stores(SCHEMA_V5).upgrade(upgradeToV5);
    this.use(queueCountsMiddleware);
  }
}
