import { useState, type FormEvent } from 'react';
import type { OperatorSummary } from '../../shared/ipc/contract';
import { useAppStore, useServices } from '../context';
import { describeOp, fieldLabel, showValue } from '../changeText';
import { applyMine, discardChange, fixIdentifier, keepCrmValue, retryChange } from '../commands';
import type { SentRow } from '../storage/rows';
import { isManager } from '../stores/operatorStore';
import { ConfirmDialog } from './ConfirmDialog';
import { Field } from './Field';
import { ActionError, useAction } from './useAction';
import { useConfirmed } from './useConfirmed';

/** A conflict side by side: the CRM's value beside mine, and the two ways out. */
export function ConflictChoice({ row }: { row: SentRow }) {
  const services = useServices();
  const action = useAction();
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
        <button type="button" disabled={action.busy} onClick={() => void action.run(() => keepCrmValue(services, row.seq))}>
          Keep CRM value
        </button>
        <button type="button" disabled={action.busy} onClick={() => void action.run(() => applyMine(services, row.seq))}>
          Apply mine
        </button>
      </div>
      <ActionError error={action.error} />
    </section>
  );
}

/** A duplicate identifier: choose another; the change goes again with the same authentication code. */
export function FixIdentifier({ row }: { row: SentRow }) {
  const services = useServices();
  const action = useAction();
  const [identifier, setIdentifier] = useState('identifier' in row.op ? (row.op.identifier ?? '') : '');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(() => fixIdentifier(services, row.seq, identifier));
  };
  return (
    <form aria-label="Fix identifier" className="sync-actions" noValidate onSubmit={onSubmit}>
      <p>Another counter already uses this identifier in the CRM. Choose another; the token keeps its authentication code.</p>
      <Field label="Identifier" value={identifier} error={action.error ?? undefined} onChange={setIdentifier} />
      <div className="actions">
        <button type="submit" className="primary" disabled={action.busy}>
          Save and retry
        </button>
        <DiscardChange row={row} />
      </div>
    </form>
  );
}

/** Any other refusal: send it again as it is (once its cause is fixed in the CRM), or drop it. */
export function RetryParked({ row }: { row: SentRow }) {
  const services = useServices();
  const action = useAction();
  return (
    <div className="sync-actions">
      <div className="actions">
        <button type="button" disabled={action.busy} onClick={() => void action.run(() => retryChange(services, row.seq))}>
          Retry
        </button>
        <DiscardChange row={row} />
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
export function DiscardChange({ row }: { row: SentRow }) {
  const services = useServices();
  const manager = useAppStore('operators', isManager);
  const view = useAppStore('operators', (state) => state.view);
  const managers = (view?.operators ?? []).filter((operator) => operator.role === 'manager');
  const [managerId, setManagerId] = useState(managers[0]?.id ?? '');
  const [pin, setPin] = useState('');
  const discard = useConfirmed(async () => {
    try {
      await discardChange(services, row.seq, manager ? undefined : { operatorId: managerId, pin });
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
