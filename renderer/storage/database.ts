import { Dexie, type Table } from 'dexie';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, upgradeToV2, upgradeToV3 } from './migrations';
import type { AuditRow, CounterIdentity, MetaRow, OutboxRow, TokenRow } from './rows';

export const DEFAULT_DATABASE_NAME = 'token-desk';

/** The counter's IndexedDB cache. Versioned from day one: a schema change adds a version with its upgrade. */
export class TokenDeskDatabase extends Dexie {
  declare tokens: Table<TokenRow, string>;
  declare outbox: Table<OutboxRow, number>;
  declare meta: Table<MetaRow, string>;
  declare audit: Table<AuditRow, number>;
  /** Names this connection (one window) in outbox leases; another connection, even to the same database, has its own. */
  readonly connectionId: string = crypto.randomUUID();
  /**
   * Who works at this counter, kept in step with meta (`watchCounterIdentity`), so every audit row
   * (written inside transactions that do not include meta) can say who did it.
   */
  actor: CounterIdentity = { terminalName: '', operatorName: '' };

  constructor(name: string = DEFAULT_DATABASE_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    this.version(3).stores(SCHEMA_V3).upgrade(upgradeToV3);
  }
}
