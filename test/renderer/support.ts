import { ipcContract, MAX_BATCH, type JournalEntry, type Channel, type EventName, type Operation, type OperationResult, type PayloadOf, type ReplyOf, type RequestOf } from '../../shared/ipc/contract';
import { createTokenDeskApi, type Invoke, type TokenDeskApi } from '../../shared/ipc/tokenDeskApi';
import { wordsOf } from '../../electron/ipc/errorWords';
import type { ServerToken } from '../../shared/token/serverToken';
import Dexie from 'dexie';
import { TokenDeskDatabase } from '../../renderer/storage/database';
import { applyResults } from '../../renderer/outbox';
import { issueToken, type IssueInput } from '../../renderer/commands/tokenWrites';
import { takeBatch } from '../../renderer/outbox';

let dbCounter = 0;

/** A fresh database with a name no other test uses (fake-indexeddb is shared across a file). */
export function openTestDb(): TokenDeskDatabase {
  dbCounter += 1;
  return new TokenDeskDatabase(`token-desk-test-${Date.now()}-${dbCounter}-${Math.random().toString(36).slice(2)}`);
}

export async function closeTestDb(db: TokenDeskDatabase): Promise<void> {
  db.close();
  await db.delete();
}

/** Resolves once Dexie next announces a change (`storagemutated`), as a live read would hear it. */
export function nextStorageMutation(): Promise<void> {
  return new Promise((resolve) => {
    const listener = () => {
      Dexie.on.storagemutated.unsubscribe(listener);
      resolve();
    };
    Dexie.on.storagemutated.subscribe(listener);
  });
}

let codeCounter = 0;

export function issueInput(overrides: Partial<IssueInput> = {}): IssueInput {
  codeCounter += 1;
  const n = String(codeCounter).padStart(6, '0');
  return {
    authenticationCode: `CODE${n}ABCDEF`,
    identifier: `ID${n}`,
    sealedPassCode: 'sealed-pass-code',
    participantNumber: null,
    ...overrides,
  };
}

export function issue(db: TokenDeskDatabase, overrides: Partial<IssueInput> = {}, now = 1_000) {
  return issueToken(db, issueInput(overrides), now);
}

export function serverToken(overrides: Partial<ServerToken> = {}): ServerToken {
  return {
    id: 'A1B2C3D4E5F60718293A4B5C6D7E8F90',
    number: '1001',
    identifier: 'ID000001',
    authenticationCode: 'CODE000001ABCDEF',
    lifeCycleState: 'EFFECTIVE',
    participant: { id: 'P1', number: '29', accountNumber: 'AR29', accountName: 'Main', ownerName: 'Ioannou Marios' },
    classificationName: 'Gold',
    createdDate: '2024-05-01T10:00:00',
    updatedDate: '2024-05-01T10:00:00',
    createdBy: 'counter1',
    updatedBy: 'counter1',
    ...overrides,
  };
}

/** What a CRM that accepts everything would answer for one operation. */
export function doneResult(op: Operation, overrides: Partial<ServerToken> = {}, adopted = false): OperationResult {
  const base = serverToken({
    id: `ID-${op.tokenLocalId}`.slice(0, 32),
    number: String(1000 + op.seq),
    authenticationCode: op.authenticationCode,
    identifier: op.kind === 'create' ? op.identifier : null,
    lifeCycleState: op.kind === 'setState' ? op.target : 'EFFECTIVE',
  });
  return { seq: op.seq, outcome: 'done', token: { ...base, ...overrides }, adopted };
}

type Handlers = { [C in Channel]?: (request: RequestOf<C>) => ReplyOf<C> | Promise<ReplyOf<C>> };

export interface MemoryJournal {
  handlers: Pick<Handlers, 'journalAppend' | 'journalSettle' | 'journalRead'>;
  /** The live entries, as main's journal would answer them. */
  live: Map<string, JournalEntry>;
}

/** Main's journal kept in memory: appends replace by id, settles remove (the file itself is tested in test/electron/journal). */
export function memoryJournal(): MemoryJournal {
  const live = new Map<string, JournalEntry>();
  return {
    live,
    handlers: {
      journalAppend: ({ entries }) => {
        for (const entry of entries) live.set(entry.id, entry);
        return { live: live.size };
      },
      journalSettle: ({ ids }) => {
        for (const id of ids) live.delete(id);
        return { live: live.size };
      },
      journalRead: () => ({ entries: [...live.values()], problem: null }),
    },
  };
}

export interface FakeTokenDesk {
  api: TokenDeskApi;
  calls: Array<{ channel: Channel; payload: unknown }>;
  /** Main speaks first: delivers an event as a preload would, through the factory's checks. */
  emit: <E extends EventName>(event: E, payload: PayloadOf<E>) => void;
}

/**
 * A TokenDeskApi over a fake `invoke`, built with the real factory: requests are checked against the
 * contract as main's router would, replies are parsed by the real reply schemas. A handler that
 * throws becomes a FAILED envelope with main's words for it (throw a WordedError for a refusal in
 * words), so the api rejects with IpcCallError.
 */
export function fakeTokenDesk(handlers: Handlers): FakeTokenDesk {
  const calls: FakeTokenDesk['calls'] = [];
  const invoke: Invoke = async (channel, payload) => {
    calls.push({ channel, payload });
    const checked = ipcContract[channel].request.safeParse(payload);
    if (!checked.success) return { ok: false, error: { code: 'BAD_REQUEST', message: checked.error.issues[0]?.message ?? 'bad', words: { code: 'badCall', channel } } };
    const handler = handlers[channel] as ((request: unknown) => unknown) | undefined;
    if (!handler) return { ok: false, error: { code: 'FAILED', message: `No fake for ${channel}`, words: { code: 'badCall', channel } } };
    try {
      return { ok: true, value: await handler(checked.data) };
    } catch (error) {
      return { ok: false, error: { code: 'FAILED', message: error instanceof Error ? error.message : String(error), words: wordsOf(error) } };
    }
  };
  let deliver: (event: unknown, payload: unknown) => void = () => undefined;
  const api = createTokenDeskApi(invoke, (listener) => (deliver = listener));
  return { api, calls, emit: (event, payload) => deliver(event, payload) };
}

/** Seals by tagging the length only, so a test can prove the plain pass code never reaches Dexie. */
export function fakeSeal({ plaintext }: { plaintext: string }): { sealed: string } {
  return { sealed: `sealed:${plaintext.length}:opaque` };
}

/** A token issued here and confirmed by the CRM (its create applied), with nothing left queued. */
export async function issueSynced(db: TokenDeskDatabase, overrides: Partial<ServerToken> = {}, now = 2_000) {
  const token = await issue(db);
  const ops = await takeBatch(db, MAX_BATCH, now, { force: true });
  const create = ops.find((op) => op.tokenLocalId === token.localId);
  if (!create) throw new Error('issueSynced: the create was not sendable');
  await applyResults(db, [doneResult(create, { identifier: token.identifier, ...overrides })], now);
  const synced = await db.tokens.get(token.localId);
  if (!synced) throw new Error('issueSynced: token vanished');
  return synced;
}

export const retryResult = (op: Operation, code = 'NETWORK'): OperationResult => ({
  seq: op.seq,
  outcome: 'retry',
  error: { code, message: 'CRM unreachable' },
});
