import type { CrmReach, Operation, OperationResult, PushReply, SyncError } from '../../shared/ipc/contract';
import { TokenOrder } from '../../shared/sync/tokenOrder';
import { toServerToken } from '../../shared/token/serverToken';
import { CrmError, TransportCode } from '../crm/crmError';
import { errorMessage } from '../errorMessage';
import { wordsOf } from '../ipc/errorWords';
import { SecretHeldError } from '../vault/vault';
import { openCrm, type OpenSession } from './crmAccess';
import { runOperation, type RunnerDeps } from './operationRunner';
import { SendSlots } from './sendSlots';

/** An error code we do not know is retried this many times, then parked. */
export const MAX_UNKNOWN_ATTEMPTS = 5;
export const DEFAULT_CONCURRENCY = 4;

/**
 * How one operation gets its answer: `send` runs it against the CRM. By default it waits for one of
 * `concurrency` slots of this batch; main's upstream shares its slots (and its flights) across pushes.
 */
export type Dispatch = (op: Operation, send: () => Promise<OperationResult>) => Promise<OperationResult>;

export interface BatchDeps {
  /** The CRM session, or null when no CRM is configured. */
  session: OpenSession;
  unseal: RunnerDeps['unseal'];
  onCodeReplaced?: RunnerDeps['onCodeReplaced'];
  concurrency?: number;
  dispatch?: Dispatch;
  /** Called as each operation gets its answer. */
  onResult?: (result: OperationResult) => void;
}

/** A pass code waiting for the operator to confirm a CRM move: retried, never parked, never sent. */
export const HELD_FOR_ANOTHER_CRM = 'HELD_FOR_ANOTHER_CRM';

function toSyncError(error: unknown): SyncError {
  const words = wordsOf(error);
  if (error instanceof CrmError) return error.reason ? { code: error.code, message: error.message, reason: error.reason, words } : { code: error.code, message: error.message, words };
  if (error instanceof SecretHeldError) return { code: HELD_FOR_ANOTHER_CRM, message: error.message, words };
  return { code: 'LOCAL_ERROR', message: errorMessage(error), words };
}

export function resultForError(op: Operation, error: unknown): OperationResult {
  const syncError = toSyncError(error);
  const retry = (error instanceof CrmError && (error.kind === 'temporary' || error.kind === 'session')) || error instanceof SecretHeldError;
  const retryUnknown = error instanceof CrmError && error.kind === 'unknown' && op.attempt < MAX_UNKNOWN_ATTEMPTS;
  return retry || retryUnknown
    ? { seq: op.seq, outcome: 'retry', error: syncError }
    : { seq: op.seq, outcome: 'parked', error: syncError };
}

async function runOne(op: Operation, deps: RunnerDeps): Promise<OperationResult> {
  try {
    const outcome = await runOperation(op, deps);
    const token = toServerToken(outcome.token);
    return outcome.kind === 'done'
      ? { seq: op.seq, outcome: 'done', token, adopted: outcome.adopted }
      : { seq: op.seq, outcome: 'conflict', token, conflicts: outcome.conflicts };
  } catch (error) {
    return resultForError(op, error);
  }
}

/**
 * One token's operations, in queue order; the first that does not finish blocks the rest. When the
 * CRM gave the token another code than the one it was queued under, the later ones use the CRM's.
 */
async function runChain(chain: Operation[], deps: RunnerDeps, dispatch: Dispatch, onResult: (r: OperationResult) => void): Promise<OperationResult[]> {
  const order = new TokenOrder();
  const results: OperationResult[] = [];
  const renamed = new Map<string, string>();
  for (const queued of chain) {
    const op = { ...queued, authenticationCode: renamed.get(queued.authenticationCode) ?? queued.authenticationCode };
    const result: OperationResult = order.open(op.tokenLocalId) ? await dispatch(op, () => runOne(op, deps)) : { seq: op.seq, outcome: 'blocked' };
    if (result.outcome !== 'done') order.stop(op.tokenLocalId);
    else if (op.kind === 'create' && result.token.authenticationCode !== op.authenticationCode) {
      renamed.set(op.authenticationCode, result.token.authenticationCode);
    }
    onResult(result);
    results.push(result);
  }
  return results;
}

function chainsByToken(operations: Operation[]): Operation[][] {
  const chains = new Map<string, Operation[]>();
  for (const op of operations) {
    const chain = chains.get(op.tokenLocalId);
    if (chain) chain.push(op);
    else chains.set(op.tokenLocalId, [op]);
  }
  return [...chains.values()];
}

function blockedReply(operations: Operation[], crm: CrmReach, message: string): PushReply {
  return { crm, message, results: operations.map((op) => ({ seq: op.seq, outcome: 'blocked' })) };
}

function reachOf(results: OperationResult[]): CrmReach {
  const unreachable = results.some(
    (r) => r.outcome === 'retry' && (r.error.code === TransportCode.network || r.error.code === TransportCode.timeout),
  );
  return unreachable ? 'unreachable' : 'ok';
}

/**
 * Sends a batch of queued operations to the CRM and says, for each, what
 * became of it. Nothing is sent without a session, so a failed login leaves
 * every operation "blocked" (not sent) rather than "maybe sent".
 */
export async function sendBatch(operations: Operation[], deps: BatchDeps): Promise<PushReply> {
  const access = await openCrm(deps.session);
  if (!access.ok) return blockedReply(operations, access.crm, access.message);
  const runnerDeps: RunnerDeps = { session: access.session, unseal: deps.unseal, onCodeReplaced: deps.onCodeReplaced };
  const onResult = deps.onResult ?? (() => undefined);
  const slots = new SendSlots(deps.concurrency ?? DEFAULT_CONCURRENCY);
  const dispatch: Dispatch = deps.dispatch ?? ((_op, send) => slots.run(send));
  const chainResults = await Promise.all(chainsByToken(operations).map((chain) => runChain(chain, runnerDeps, dispatch, onResult)));
  const bySeq = new Map(chainResults.flat().map((r) => [r.seq, r]));
  const results = operations.map((op) => bySeq.get(op.seq) ?? { seq: op.seq, outcome: 'blocked' as const });
  const crm = reachOf(results);
  return { crm, message: crm === 'ok' ? null : 'The CRM could not be reached; changes stay queued.', results };
}
