import { Dexie, type Table } from 'dexie';
import type { AuditRow, MetaRow, OutboxRow, TokenRow } from './rows';

export const DEFAULT_DATABASE_NAME = 'token-desk';

/** The counter's IndexedDB cache. Versioned from day one: a schema change adds a version with its upgrade. */
export class TokenDeskDatabase extends Dexie {
  declare tokens: Table<TokenRow, string>;
  declare outbox: Table<OutboxRow, number>;
  declare meta: Table<MetaRow, string>;
  declare audit: Table<AuditRow, number>;

  constructor(name: string = DEFAULT_DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      tokens: 'localId, &authenticationCode, identifier, number, lifeCycleState, participantNumber, syncStatus, updatedAt',
      outbox: '++seq, tokenLocalId, status',
      meta: 'key',
      audit: '++id, tokenLocalId, at',
    });
  }
}
