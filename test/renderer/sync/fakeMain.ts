import type { Operation, OperationResult, PushReply } from '../../../shared/ipc/contract';
import type { ServerToken } from '../../../shared/token/serverToken';
import { fakeTokenDesk, serverToken, type FakeTokenDesk } from '../support';

/**
 * Main and the CRM, just enough for renderer tests: creates reconcile by authentication code on a
 * retry (attempt > 1), as main does, so a repeated send is adopted rather than made twice.
 */
export interface FakeMain extends FakeTokenDesk {
  crm: Map<string, ServerToken>;
  creates: () => number;
  pushed: () => Operation[];
  notAssociated: ServerToken[];
}

export function fakeMain(): FakeMain {
  const crm = new Map<string, ServerToken>();
  const notAssociated: ServerToken[] = [];
  let creates = 0;
  let date = 0;
  const stamp = () => `2024-06-01T10:${String(Math.floor(date / 60)).padStart(2, '0')}:${String(date++ % 60).padStart(2, '0')}`;

  function run(op: Operation): OperationResult {
    const held = crm.get(op.authenticationCode);
    if (op.kind === 'create') {
      if (held) return { seq: op.seq, outcome: 'done', token: held, adopted: op.attempt > 1 };
      creates += 1;
      const token = serverToken({
        id: `ID${op.authenticationCode}`.slice(0, 32),
        number: String(5000 + creates),
        authenticationCode: op.authenticationCode,
        identifier: op.identifier,
        participant: null,
        createdDate: stamp(),
        updatedDate: stamp(),
      });
      crm.set(op.authenticationCode, token);
      return { seq: op.seq, outcome: 'done', token, adopted: false };
    }
    if (!held) return { seq: op.seq, outcome: 'parked', error: { code: 'NOT_FOUND', message: 'No such token' } };
    const next =
      op.kind === 'setState' ? { ...held, lifeCycleState: op.target } : op.kind === 'verify' ? { ...held, lifeCycleState: 'EFFECTIVE' as const } : { ...held, identifier: op.identifier ?? held.identifier };
    crm.set(op.authenticationCode, { ...next, updatedDate: stamp() });
    return { seq: op.seq, outcome: 'done', token: crm.get(op.authenticationCode)!, adopted: false };
  }

  const fake = fakeTokenDesk({
    pushOperations: ({ operations }): PushReply => ({ crm: 'ok', message: null, results: operations.map(run) }),
    refreshTokens: ({ authenticationCodes }) => ({
      crm: 'ok',
      message: null,
      tokens: authenticationCodes.flatMap((code) => crm.get(code) ?? []),
      missing: authenticationCodes.filter((code) => !crm.has(code)),
    }),
    fetchStock: ({ count }) => ({ crm: 'ok', message: null, tokens: notAssociated.slice(0, count) }),
  });
  const pushed = () => fake.calls.flatMap((call) => (call.channel === 'pushOperations' ? (call.payload as { operations: Operation[] }).operations : []));
  return { ...fake, crm, creates: () => creates, pushed, notAssociated };
}
