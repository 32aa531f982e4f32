import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CrmCode } from '../../../shared/crm/statusCodes';
import type { FieldConflict, Operation, OperationResult, SyncError } from '../../../shared/ipc/contract';
import { DEFAULT_DEFINITION } from '../../../shared/token/defaultDefinition';
import { applyResults } from '../../../renderer/outbox';
import type { TokenDeskDatabase } from '../../../renderer/storage/database';
import { editToken, setLifeCycleState } from '../../../renderer/commands/tokenWrites';
import { LocalChangeError } from '../../../renderer/refusals';
import { applyMine, fixParkedIdentifier, fixParkedParticipant, isRefusedParticipant, keepCrmValue, retryParked } from '../../../renderer/outbox';
import { countConflicts, countParked, countPending, takeBatch } from '../../../renderer/outbox';
import { closeTestDb, doneResult, issue, issueSynced, openTestDb, serverToken } from '../support';

let db: TokenDeskDatabase;
beforeEach(() => {
  db = openTestDb();
});
afterEach(() => closeTestDb(db));

const D1 = '2024-05-01T10:00:00';
const D2 = '2024-05-03T09:00:00';

function conflictResult(op: Operation, conflicts: FieldConflict[], crmIdentifier: string): OperationResult {
  const token = serverToken({ authenticationCode: op.authenticationCode, identifier: crmIdentifier, updatedDate: D2, number: '1001' });
  return { seq: op.seq, outcome: 'conflict', token, conflicts };
}

/** A synced token whose identifier I change to MINE0001 while another counter changed it to CRM00001. */
async function conflicted(options: { laterSwitch?: boolean } = {}) {
  const token = await issueSynced(db, { updatedDate: D1 });
  await editToken(db, token.localId, { identifier: 'MINE0001', sealedPassCode: 'sealed:4' }, 3_000);
  if (options.laterSwitch) await setLifeCycleState(db, token.localId, 'NOT_EFFECTIVE', 3_500);
  const [update] = await takeBatch(db, 10, 4_000);
  expect(update).toMatchObject({ kind: 'update', identifier: 'MINE0001', base: { updatedDate: D1, identifier: token.identifier } });
  const conflicts: FieldConflict[] = [{ field: 'identifier', crm: 'CRM00001', mine: 'MINE0001' }];
  const summary = await applyResults(db, [conflictResult(update!, conflicts, 'CRM00001')], 5_000);
  expect(summary.conflict).toBe(1);
  return { token, seq: update!.seq };
}

const tokenOf = async (localId: string) => (await db.tokens.get(localId))!;
const audits = async (localId: string) => (await db.audit.where('tokenLocalId').equals(localId).toArray()).map((a) => [a.action, a.outcome]);

describe('conflict', () => {
  it('keeps the CRM value on the token and my intent in the row; the token shows conflict', async () => {
    const { token, seq } = await conflicted();
    expect(await db.outbox.get(seq)).toMatchObject({
      status: 'conflict',
      conflicts: [{ field: 'identifier', crm: 'CRM00001', mine: 'MINE0001' }],
      leaseUntil: 0,
      op: { identifier: 'MINE0001' },
    });
    expect(await tokenOf(token.localId)).toMatchObject({
      identifier: 'CRM00001',
      serverUpdatedDate: D2,
      syncStatus: 'conflict',
      lastError: 'Changed in the CRM meanwhile: identifier is CRM00001 in the CRM, yours is MINE0001.',
      lastProblem: { kind: 'conflict', conflicts: [{ field: 'identifier', crm: 'CRM00001', mine: 'MINE0001' }] },
    });
    expect(await countConflicts(db)).toBe(1);
    expect(await countPending(db)).toBe(0);
    expect((await audits(token.localId)).at(-1)).toEqual(['update', 'conflict']);
  });

  it("holds the token's later changes until the operator chooses; other tokens flow", async () => {
    const { token } = await conflicted({ laterSwitch: true });
    const other = await issue(db);
    const batch = await takeBatch(db, 10, 6_000, { force: true });
    expect(batch.map((op) => op.tokenLocalId)).toEqual([other.localId]);
    // The switch made after the edit is still shown: it is a pending local change.
    expect(await tokenOf(token.localId)).toMatchObject({ identifier: 'CRM00001', lifeCycleState: 'NOT_EFFECTIVE', syncStatus: 'conflict' });
  });

  it('keepCrmValue drops my change: the token is synced with the CRM value', async () => {
    const { token, seq } = await conflicted();
    await keepCrmValue(db, seq, 7_000);
    expect(await db.outbox.count()).toBe(0);
    expect(await tokenOf(token.localId)).toMatchObject({ identifier: 'CRM00001', syncStatus: 'synced', lastError: null, updatedAt: 7_000 });
    expect((await audits(token.localId)).at(-1)).toEqual(['keepCrmValue', 'dropped']);
    await expect(keepCrmValue(db, seq, 7_500)).rejects.toBeInstanceOf(LocalChangeError);
  });

  it('keepCrmValue lets the later changes of the token go', async () => {
    const { token, seq } = await conflicted({ laterSwitch: true });
    await keepCrmValue(db, seq, 7_000);
    expect(await tokenOf(token.localId)).toMatchObject({ syncStatus: 'pending', lastError: null });
    expect((await takeBatch(db, 10, 8_000)).map((op) => op.kind)).toEqual(['setState']);
  });

  it('applyMine queues my change again on the CRM copy: fresh base, attempts reset, my value shown', async () => {
    const { token, seq } = await conflicted();
    await applyMine(db, seq, 7_000);
    expect(await db.outbox.get(seq)).toMatchObject({ status: 'pending', attempts: 0, conflicts: null, nextTryAt: 0, lastError: null });
    expect(await tokenOf(token.localId)).toMatchObject({ identifier: 'MINE0001', syncStatus: 'pending', lastError: null });
    expect((await audits(token.localId)).at(-1)).toEqual(['applyMine', 'requeued']);

    const [again] = await takeBatch(db, 10, 8_000);
    expect(again).toMatchObject({
      seq,
      attempt: 1,
      identifier: 'MINE0001',
      base: { updatedDate: D2, lifeCycleState: 'EFFECTIVE', identifier: 'CRM00001' },
    });
    await applyResults(db, [doneResult(again!, { identifier: 'MINE0001', updatedDate: '2024-05-04T08:00:00' })], 9_000);
    expect(await tokenOf(token.localId)).toMatchObject({ identifier: 'MINE0001', syncStatus: 'synced' });
  });

  it('refuses a decision on a row that is not in conflict, writing nothing', async () => {
    await issue(db);
    await expect(applyMine(db, 1, 7_000)).rejects.toThrow('This conflict is already resolved.');
    await expect(keepCrmValue(db, 99, 7_000)).rejects.toBeInstanceOf(LocalChangeError);
    expect(await db.outbox.get(1)).toMatchObject({ status: 'pending' });
  });
});

describe('parked changes', () => {
  const duplicate = { code: CrmCode.identifierExists, message: 'The identifier CARD0001 already exists.' };

  async function parkedCreate(error: SyncError = duplicate) {
    const token = await issue(db, { identifier: 'CARD0001' });
    await setLifeCycleState(db, token.localId, 'NOT_EFFECTIVE', 1_500);
    const [create, setState] = await takeBatch(db, 10, 2_000);
    await applyResults(db, [{ seq: create!.seq, outcome: 'parked', error }, { seq: setState!.seq, outcome: 'blocked' }], 2_500);
    return { token, seq: create!.seq };
  }

  it('fixParkedIdentifier sends the create again with the new identifier and the SAME authentication code', async () => {
    const { token, seq } = await parkedCreate();
    expect(await tokenOf(token.localId)).toMatchObject({ syncStatus: 'attention', lastError: duplicate.message });

    await fixParkedIdentifier(db, seq, 'CARD0002', DEFAULT_DEFINITION, 3_000);
    expect(await tokenOf(token.localId)).toMatchObject({ identifier: 'CARD0002', syncStatus: 'pending', lastError: null });
    expect((await audits(token.localId)).at(-1)).toEqual(['fixIdentifier', 'requeued']);
    const [create, setState] = await takeBatch(db, 10, 4_000);
    expect(create).toMatchObject({
      seq,
      kind: 'create',
      identifier: 'CARD0002',
      authenticationCode: token.authenticationCode,
      sealedPassCode: 'sealed-pass-code',
      // Not 1: an earlier send may have landed, so main looks it up by code first.
      attempt: 2,
    });
    expect(setState).toMatchObject({ kind: 'setState', attempt: 1 });
  });

  it('fixParkedIdentifier refuses an identifier the definition or another local token rules out, writing nothing', async () => {
    const { token, seq } = await parkedCreate();
    await issue(db, { identifier: 'TAKEN001' });
    await expect(fixParkedIdentifier(db, seq, 'ab', DEFAULT_DEFINITION, 3_000)).rejects.toMatchObject({
      field: 'identifier',
      message: 'Identifier must be at least 4 characters.',
    });
    await expect(fixParkedIdentifier(db, seq, 'TAKEN001', DEFAULT_DEFINITION, 3_000)).rejects.toThrow(
      'Identifier TAKEN001 is already used by another token.',
    );
    await expect(fixParkedIdentifier(db, seq, 'CARD0001', DEFAULT_DEFINITION, 3_000)).rejects.toThrow('The CRM already refused');
    expect(await db.outbox.get(seq)).toMatchObject({ status: 'parked', op: { identifier: 'CARD0001' } });
    expect(await tokenOf(token.localId)).toMatchObject({ identifier: 'CARD0001', syncStatus: 'attention' });
  });

  it('fixParkedIdentifier only fixes creates parked for a duplicate identifier', async () => {
    const { seq } = await parkedCreate({ code: CrmCode.participantNotFound, message: 'No such participant' });
    await expect(fixParkedIdentifier(db, seq, 'CARD0009', DEFAULT_DEFINITION, 3_000)).rejects.toBeInstanceOf(LocalChangeError);
  });

  it('fixParkedParticipant sends a create refused for its participant again with another participant, or none, and the same code', async () => {
    const refused = { code: CrmCode.participantNotFound, message: 'The CRM has no rewards participant 999.', reason: 'participantRefused' as const };
    const token = await issue(db, { identifier: 'CARD0001', participantNumber: '999' });
    const [create] = await takeBatch(db, 10, 2_000);
    await applyResults(db, [{ seq: create!.seq, outcome: 'parked', error: refused }], 2_500);
    const row = (await db.outbox.get(create!.seq))!;
    expect(isRefusedParticipant(row)).toBe(true);
    expect(isRefusedParticipant({ ...row, lastError: duplicate })).toBe(false);

    await expect(fixParkedParticipant(db, create!.seq, '999', 3_000)).rejects.toThrow('The CRM already refused this participant.');
    await fixParkedParticipant(db, create!.seq, null, 3_000);
    expect(await tokenOf(token.localId)).toMatchObject({ participantNumber: null, syncStatus: 'pending', lastError: null });
    expect((await audits(token.localId)).at(-1)).toEqual(['fixParticipant', 'requeued']);
    const [again] = await takeBatch(db, 10, 4_000);
    expect(again).toMatchObject({ kind: 'create', participantNumber: null, authenticationCode: token.authenticationCode, attempt: 2 });
    await expect(fixParkedParticipant(db, create!.seq, '1', 5_000)).rejects.toBeInstanceOf(LocalChangeError);
  });

  it('retryParked puts any parked row back in the queue', async () => {
    const { token, seq } = await parkedCreate({ code: CrmCode.participantNotFound, message: 'No such participant' });
    expect(await countParked(db)).toBe(2);
    expect(await db.outbox.get(seq + 1)).toMatchObject({ status: 'parked', lastError: { code: 'WAITING' } });
    await expect(retryParked(db, seq + 1, 3_000)).rejects.toBeInstanceOf(LocalChangeError);
    await retryParked(db, seq, 3_000);
    expect(await countParked(db)).toBe(0);
    expect(await tokenOf(token.localId)).toMatchObject({ syncStatus: 'pending', lastError: null });
    expect((await takeBatch(db, 10, 3_000)).map((op) => [op.seq, op.attempt])).toEqual([
      [seq, 2],
      [seq + 1, 1],
    ]);
    await expect(retryParked(db, seq, 3_500)).rejects.toBeInstanceOf(LocalChangeError);
  });

  it('parks a change made behind a parked one as waiting, and releases it with the head', async () => {
    const { token, seq } = await parkedCreate({ code: CrmCode.participantNotFound, message: 'No such participant' });
    await setLifeCycleState(db, token.localId, 'EFFECTIVE', 3_000);
    const later = await db.outbox.where('tokenLocalId').equals(token.localId).toArray();
    expect(later.map((r) => [r.status, r.lastError?.code])).toEqual([
      ['parked', CrmCode.participantNotFound],
      ['parked', 'WAITING'],
      ['parked', 'WAITING'],
    ]);
    expect(await countPending(db)).toBe(0);
    await retryParked(db, seq, 3_500);
    expect((await db.outbox.toArray()).map((r) => r.status)).toEqual(['pending', 'pending', 'pending']);
  });
});

