import { useState, type FormEvent } from 'react';
import type { OperatorSummary } from '../../shared/ipc/contract';
import { useAppStore, useServices } from '../context';
import { conflictSummary, describeOp, fieldLabel, showValue } from '../changeText';
import { applyMine, discardChange, fixIdentifier, fixParticipant, fixVerificationCode, keepCrmValue, retryChange } from '../commands';
import type { SentRow } from '../storage/rows';
import { isManager } from '../stores/operatorStore';
import { ConfirmDialog } from './ConfirmDialog';
import { VerificationCodeField } from './token/VerifyToken';
import { Field } from './Field';
import { ActionError, useAction } from './useAction';
import { useConfirmed } from './useConfirmed';

/** Told what a decision did, in a sentence, once it is done (the row then leaves the list). */
export type OnDecided = (done: string) => void;

interface RowProps {
  row: SentRow;
  onDecided: OnDecided;
}

/** A conflict side by side: the CRM's value beside mine, and the two ways out. */
export function ConflictChoice({ row, onDecided }: RowProps) {
  const services = useServices();
  const action = useAction();
  const conflicts = row.conflicts ?? [];
  const decide = async (work: () => Promise<void>, done: string) => {
    if (await action.run(work)) onDecided(done);
  };
  return (
    <section aria-label="Conflict" className="sync-actions">
      <h3>Changed in the CRM meanwhile</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">CRM value</th>
            <th scope="col">Mine</th>
          </tr>
        </thead>
        <tbody>
          {(row.conflicts ?? []).map((conflict) => (
            <tr key={conflict.field}>
              <th scope="row">{fieldLabel(conflict)}</th>
              <td>{showValue(conflict, 'crm')}</td>
              <td>{showValue(conflict, 'mine')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button
          type="button"
          disabled={action.busy}
          onClick={() => void decide(() => keepCrmValue(services, row.seq), `Kept the CRM value (${conflictSummary(conflicts, 'crm')}); your change was dropped.`)}
        >
          Keep CRM value
        </button>
        <button
          type="button"
          disabled={action.busy}
          onClick={() => void decide(() => applyMine(services, row.seq), `Applied mine (${conflictSummary(conflicts, 'mine')}): it goes to the CRM with the next sync.`)}
        >
          Apply mine
        </button>
      </div>
      <ActionError error={action.error} />
    </section>
  );
}

/** A duplicate identifier: choose another; the change goes again with the same authentication code. */
export function FixIdentifier({ row, onDecided }: RowProps) {
  const services = useServices();
  const action = useAction();
  const [identifier, setIdentifier] = useState('identifier' in row.op ? (row.op.identifier ?? '') : '');
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run(() => fixIdentifier(services, row.seq, identifier))) {
      onDecided(`Identifier changed to ${identifier.trim()}: the token goes to the CRM again with the next sync.`);
    }
  };
  return (
    <form aria-label="Fix identifier" className="sync-actions" noValidate onSubmit={(event) => void onSubmit(event)}>
      <p>Another counter already uses this identifier in the CRM. Choose another; the token keeps its authentication code.</p>
      <Field label="Identifier" value={identifier} error={action.error ?? undefined} onChange={setIdentifier} />
      <div className="actions">
        <button type="submit" className="primary" disabled={action.busy}>
          Save and retry
        </button>
        <DiscardChange row={row} onDecided={onDecided} />
      </div>
    </form>
  );
}

/** A create refused for its participant: another participant number, or none; the token keeps its authentication code. */
export function FixParticipant({ row, onDecided }: RowProps) {
  const services = useServices();
  const action = useAction();
  const [participant, setParticipant] = useState(row.op.kind === 'create' ? (row.op.participantNumber ?? '') : '');
  const fix = async (number: string | null) => {
    if (!(await action.run(() => fixParticipant(services, row.seq, number)))) return;
    const given = number?.trim() ?? '';
    onDecided(given === '' ? 'The token goes to the CRM without a participant with the next sync.' : `Participant changed to ${given}: the token goes to the CRM again with the next sync.`);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void fix(participant);
  };
  return (
    <form aria-label="Fix participant" className="sync-actions" noValidate onSubmit={onSubmit}>
      <p>The CRM refused the token for this participant. Give the right participant number, or issue the token without one; it keeps its authentication code.</p>
      <Field label="Participant number" inputMode="numeric" value={participant} error={action.error ?? undefined} onChange={setParticipant} />
      <div className="actions">
        <button type="submit" className="primary" disabled={action.busy}>
          Save and retry
        </button>
        <button type="button" disabled={action.busy} onClick={() => void fix(null)}>
          Issue without a participant
        </button>
        <DiscardChange row={row} onDecided={onDecided} />
      </div>
    </form>
  );
}

/** A verification code the CRM did not accept: the code the customer reads out again replaces it. */
export function FixVerificationCode({ row, onDecided }: RowProps) {
  const services = useServices();
  const action = useAction();
  const [code, setCode] = useState('');
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run(() => fixVerificationCode(services, row.seq, code))) onDecided(`Verification code sent again: ${describeOp(row.op)}.`);
  };
  return (
    <form aria-label="Fix verification code" className="sync-actions" noValidate onSubmit={(event) => void onSubmit(event)}>
      <VerificationCodeField value={code} error={action.error} onChange={setCode} />
      <div className="actions">
        <button type="submit" className="primary" disabled={action.busy}>
          Send code again
        </button>
        <DiscardChange row={row} onDecided={onDecided} />
      </div>
    </form>
  );
}

/** Any other refusal: send it again as it is (once its cause is fixed in the CRM), or drop it. */
export function RetryParked({ row, onDecided }: RowProps) {
  const services = useServices();
  const action = useAction();
  const retry = async () => {
    if (await action.run(() => retryChange(services, row.seq))) onDecided(`Queued again: ${describeOp(row.op)}.`);
  };
  return (
    <div className="sync-actions">
      <div className="actions">
        <button type="button" disabled={action.busy} onClick={() => void retry()}>
          Retry
        </button>
        <DiscardChange row={row} onDecided={onDecided} />
      </div>
      <ActionError error={action.error} />
    </div>
  );
}

/** A manager and their PIN, asked in the discard dialog when a clerk is signed in. */
function ManagerApproval({ managers, managerId, pin, onManager, onPin }: { managers: OperatorSummary[]; managerId: string; pin: string; onManager: (id: string) => void; onPin: (pin: string) => void }) {
  if (managers.length === 0) return <p>No manager is set up at this counter, so nobody can approve this.</p>;
  return (
    <fieldset className="approval">
      <legend>A manager approves it with their PIN</legend>
      <div className="field">
        <label htmlFor="approving-manager">Approving manager</label>
        <select id="approving-manager" value={managerId} onChange={(event) => onManager(event.target.value)}>
          {managers.map((manager) => (
            <option key={manager.id} value={manager.id}>
              {manager.name}
            </option>
          ))}
        </select>
      </div>
      <Field label="Manager’s PIN" type="password" inputMode="numeric" value={pin} onChange={onPin} />
    </fieldset>
  );
}

/**
 * "Discard change", after a confirmation that says what is lost; it is audited. A clerk needs a manager's
 * PIN on the spot, and the audit names both.
 */
export function DiscardChange({ row, onDecided }: RowProps) {
  const services = useServices();
  const manager = useAppStore('operators', isManager);
  const view = useAppStore('operators', (state) => state.view);
  const managers = (view?.operators ?? []).filter((operator) => operator.role === 'manager');
  const [managerId, setManagerId] = useState(managers[0]?.id ?? '');
  const [pin, setPin] = useState('');
  const discard = useConfirmed(async () => {
    try {
      await discardChange(services, row.seq, manager ? undefined : { operatorId: managerId, pin });
      onDecided(`Discarded: ${describeOp(row.op)}.`);
    } finally {
      setPin('');
    }
  });
  const consequence =
    row.op.kind === 'create'
      ? 'The token was never created in the CRM. It is removed from this counter, with any change waiting behind it.'
      : 'The token goes back to the value the CRM has; changes waiting behind this one go on.';
  return (
    <>
      <button type="button" className="danger-outline" onClick={discard.ask}>
        {manager ? 'Discard change' : 'Discard change (a manager approves)'}
      </button>
      {discard.asking ? (
        <ConfirmDialog title="Discard this change?" confirmLabel={manager ? 'Discard change' : 'Approve and discard'} danger {...discard.dialog}>
          <p>
            <strong>{describeOp(row.op)}</strong> will never be sent to the CRM. {consequence}
          </p>
          {manager ? (
            <p>The audit log records that you discarded it.</p>
          ) : (
            <>
              <p>Discarding is a manager’s decision. The audit log records that you discarded it and which manager approved.</p>
              <ManagerApproval managers={managers} managerId={managerId} pin={pin} onManager={setManagerId} onPin={setPin} />
            </>
          )}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
