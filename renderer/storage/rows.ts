import type { FieldConflict, Operation, OperatorRef, SyncError } from '../../shared/ipc/contract';
import type { MainWords } from '../../shared/ipc/mainWords';
import type { LifeCycleState } from '../../shared/token/lifeCycle';
import type { ParticipantSummary } from '../../shared/token/serverToken';
import type { AuditWhat } from './auditWhat';
import type { SearchKey } from './searchKeys';

export type SyncStatus = 'pending' | 'synced' | 'attention' | 'conflict';

/** IndexedDB cannot index booleans, so flags are 0 or 1. */
export type Flag = 0 | 1;

/** 0: not stock; 1: a not-associated token on hand, to hand out offline; 2: handed out from stock at this counter. */
export type StockFlag = Flag | 2;
export const IN_STOCK = 1;
export const HANDED_OUT = 2;

/** A token as this counter knows it. The pass code is never stored here (it is write-only at the CRM). */
export interface TokenRow {
  localId: string;
  serverId: string | null;
  number: string | null;
  identifier: string | null;
  authenticationCode: string;
  lifeCycleState: LifeCycleState;
  participantNumber: string | null;
  participant: ParticipantSummary | null;
  classificationName: string | null;
  serverCreatedDate: string | null;
  serverUpdatedDate: string | null;
  createdBy: string | null;
  updatedBy: string | null;
  /** Epoch ms when the CRM last confirmed this row. */
  confirmedAt: number | null;
  syncStatus: SyncStatus;
  /** Why the token needs attention, in English: the record (support, the diagnostics). */
  lastError: string | null;
  /** The same as data, said in the clerk's language on screen (absent on rows written before it). */
  lastProblem?: TokenProblem | null;
  /** What Find matches, with one index read (see searchKeysOf). */
  searchKeys: SearchKey[];
  /** 1: a not-associated token held in stock, to hand out offline; 2: handed out from that stock here. */
  stock: StockFlag;
  createdAt: number;
  /** Epoch ms of the last change made at this counter (0: none, the token came from the CRM). */
  updatedAt: number;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What an outbox row stores of an operation; seq, token and attempt are added when it is sent. */
export type QueuedOp = DistributiveOmit<Operation, 'seq' | 'tokenLocalId' | 'attempt'>;

/** pending: waits to be sent; parked: refused for good; conflict: the CRM changed the same field meanwhile. */
export type OutboxStatus = 'pending' | 'parked' | 'conflict';

/** One queued change. Pass codes only ever sit here sealed by the main process. */
export interface OutboxRow {
  seq?: number;
  tokenLocalId: string;
  status: OutboxStatus;
  /** Sends so far; raised durably before each send, so anything above 0 may have reached the CRM. */
  attempts: number;
  createdAt: number;
  lastTriedAt: number | null;
  lastError: SyncError | null;
  /** Epoch ms before which timers leave this row alone (backoff after a temporary failure). */
  nextTryAt: number;
  /** Epoch ms until which the connection in `leaseOwner` has this row in flight. */
  leaseUntil: number;
  leaseOwner: string | null;
  /** For status 'conflict': the CRM's value beside mine, per field. */
  conflicts: FieldConflict[] | null;
  op: QueuedOp;
  /** Names this change in main's journal (its second copy); absent on rows queued before the journal. */
  journalId?: string;
  /** The operator signed in when the change was queued: the audit rows of its sync name them (absent on older rows). */
  queuedBy?: OperatorRef | null;
}

/** An outbox row read back from the table: it has its sequence number. */
export type SentRow = OutboxRow & { seq: number };

export interface MetaRow {
  key: string;
  value: unknown;
}

/** Why a token needs attention: main's words for a refused change, the fields the CRM changed meanwhile, or the CRM no longer knowing it. */
export type TokenProblem = { kind: 'refused'; words: MainWords } | { kind: 'conflict'; conflicts: FieldConflict[] } | { kind: 'missing' };

/** 'local': recorded at this counter only, nothing to send (say, a stock token handed out). */
export type AuditOutcome = 'queued' | 'synced' | 'adopted' | 'parked' | 'conflict' | 'dropped' | 'requeued' | 'local';

/** This counter's name, set in Settings; stamped on every audit row. Empty when not set. */
export interface CounterIdentity {
  terminalName: string;
}

/** Who is at this counter now: its name and the operator signed in (from main's sign-in; null when nobody is). */
export interface CounterActor {
  terminalName: string;
  operator: OperatorRef | null;
}

/** Who an audit row names: the operator, and the manager who approved it on the spot. */
export interface AuditBy {
  operator: OperatorRef | null;
  approvedBy?: OperatorRef | null;
}

export interface AuditRow {
  id?: number;
  at: number;
  tokenLocalId: string;
  action: string;
  /** What was done, in English: the record support reads and the CSV exports. */
  detail: string;
  /** The same as data, worded in the clerk's language on screen (absent on rows written before it). */
  what?: AuditWhat;
  outcome: AuditOutcome;
  /** The operator (name as it was, and id) and terminal signed in at this counter (absent on rows written before they existed). */
  operator?: string | null;
  operatorId?: string | null;
  /** The manager who approved it on the spot (a clerk's discard), if any. */
  approvedBy?: string | null;
  approvedById?: string | null;
  terminal?: string | null;
}
