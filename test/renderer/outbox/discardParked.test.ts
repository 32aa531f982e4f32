import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CrmCode } from '../../../shared/crm/statusCodes';
import type { SyncError } from '../../../shared/ipc/contract';
import { applyResults } from '../../../renderer/outbox';
import type { TokenDeskDatabase } from '../../../renderer/storage/database';
import { editToken, setLifeCycleState } from '../../../renderer/commands/tokenWrites';
import { LocalChangeError } from '../../../renderer/refusals';
import { writeCounterIdentity } from '../../../renderer/storage/meta';
import { discardParked } from '../../../renderer/outbox';
import { countParked, countPending, takeBatch } from '../../../renderer/outbox';
import { rowsOf } from '../../../renderer/outbox';
import { closeTestDb, issue, issueSynced, openTestDb } from '../support';

let db: TokenDeskDatabase;
beforeEach(() => {
  db = openTestDb();
});
afterEach(() => closeTestDb(db));

const refused: SyncError = { code: CrmCode.participantNotFound, message: 'No such participant' };
const lastAudit = async () => (await db.audit.orderBy('id').last())!;

/** Sends the token's first queued change and has the CRM refuse it; later ones come back blocked. */
async function refuseFirst(localId: string, error: SyncError = refused) {
  const ops = (await takeBatch(db, 10, 2_000)).filter((op) => op.tokenLocalId === localId);
  const [first, ...rest] = ops;
  await applyResults(db, [{ seq: first!.seq, outcome: 'parked', error }, ...rest.map((op) => ({ seq: op.seq, outcome: 'blocked' as const }))], 2_500);
  return first!.seq;
}

describe('discardParked', () => {
  it('drops a refused create: the token and the changes waiting behind it leave this counter, with an audit entry naming who and who approved', async () => {
    await writeCounterIdentity(db, { terminalName: 'Counter 2' });
    db.actor = { ...db.actor, operator: { id: 'op-anna', name: 'Anna' } };
    const token = await issue(db, { identifier: 'CARD0001' });
    await setLifeCycleState(db, token.localId, 'NOT_EFFECTIVE', 1_500);
    const other = await issue(db);
    const seq = await refuseFirst(token.localId);
    expect(await countParked(db)).toBe(2);

    await discardParked(db, seq, 3_000, { operator: { id: 'op-nikos', name: 'Nikos' }, approvedBy: { id: 'op-anna', name: 'Anna' } });
    expect(await db.tokens.get(token.localId)).toBeUndefined();
    expect(await rowsOf(db, token.localId)).toEqual([]);
    expect(await db.tokens.get(other.localId)).toBeDefined();
    expect(await countPending(db)).toBe(1);
    expect(await lastAudit()).toMatchObject({
      tokenLocalId: token.localId,
      action: 'discard',
      outcome: 'dropped',
      operator: 'Nikos',
      operatorId: 'op-nikos',
      approvedBy: 'Anna',
      approvedById: 'op-anna',
      terminal: 'Counter 2',
      at: 3_000,
    });
    expect((await lastAudit()).detail).toMatch(/^Discarded create .* \(No such participant\); never created in the CRM, so the token and 1 later change/);
  });

  it('drops a refused switch: the state goes back to the CRM’s, and the changes behind it go on', async () => {
    const token = await issueSynced(db);
    await setLifeCycleState(db, token.localId, 'NOT_EFFECTIVE', 3_000);
    await editToken(db, token.localId, { identifier: 'NEWID001', sealedPassCode: 's' }, 3_100);
    const seq = await refuseFirst(token.localId);
    expect(await db.tokens.get(token.localId)).toMatchObject({ lifeCycleState: 'NOT_EFFECTIVE', syncStatus: 'attention' });

    await discardParked(db, seq, 4_000);
    const rows = await rowsOf(db, token.localId);
    expect(rows.map((row) => [row.op.kind, row.status])).toEqual([['update', 'pending']]);
    expect(await db.tokens.get(token.localId)).toMatchObject({ lifeCycleState: 'EFFECTIVE', identifier: 'NEWID001', syncStatus: 'pending' });
    expect(await lastAudit()).toMatchObject({ action: 'discard', outcome: 'dropped' });
  });

  it('drops a refused new code: the old code is back, on the token and on the changes behind it', async () => {
    const token = await issueSynced(db);
    const old = token.authenticationCode;
    await editToken(db, token.localId, { newAuthenticationCode: 'NEWCODE12345ABC' }, 3_000);
    await setLifeCycleState(db, token.localId, 'NOT_EFFECTIVE', 3_100);
    const seq = await refuseFirst(token.localId, { code: CrmCode.authenticationCodeExists, message: 'Code taken' });

    await discardParked(db, seq, 4_000);
    expect(await db.tokens.get(token.localId)).toMatchObject({ authenticationCode: old, lifeCycleState: 'NOT_EFFECTIVE' });
    const [later] = await takeBatch(db, 10, 5_000);
    expect(later).toMatchObject({ kind: 'setState', authenticationCode: old });
  });

  it('refuses what is not the operator’s to discard, writing nothing', async () => {
    const token = await issue(db);
    await setLifeCycleState(db, token.localId, 'NOT_EFFECTIVE', 1_500);
    const seq = await refuseFirst(token.localId);
    const audits = await db.audit.count();
    // The row waiting behind the refused one, and a pending row of another token.
    await expect(discardParked(db, seq + 1, 3_000)).rejects.toBeInstanceOf(LocalChangeError);
    const pending = await issue(db);
    const [pendingRow] = await rowsOf(db, pending.localId);
    await expect(discardParked(db, pendingRow!.seq, 3_000)).rejects.toBeInstanceOf(LocalChangeError);
    expect(await db.audit.count()).toBe(audits + 1);
    expect(await countParked(db)).toBe(2);
  });
});
