import { useState, type FormEvent } from 'react';
import { useServices } from '../context';
import { describeOp, fieldLabel, showValue } from '../changeText';
import { applyMine, discardChange, fixIdentifier, fixVerificationCode, keepCrmValue, retryChange } from '../commands';
import type { SentRow } from '../storage/rows';
import { ConfirmDialog } from './ConfirmDialog';
import { VerificationCodeField } from './token/VerifyToken';
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

/** A verification code the CRM did not accept: the code the customer reads out again replaces it. */
export function FixVerificationCode({ row }: { row: SentRow }) {
  const services = useServices();
  const action = useAction();
  const [code, setCode] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(() => fixVerificationCode(services, row.seq, code));
  };
  return (
    <form aria-label="Fix verification code" className="sync-actions" noValidate onSubmit={onSubmit}>
      <VerificationCodeField value={code} error={action.error} onChange={setCode} />
      <div className="actions">
        <button type="submit" className="primary" disabled={action.busy}>
          Send code again
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

/** "Discard change", after a confirmation that says what is lost; it is audited. */
export function DiscardChange({ row }: { row: SentRow }) {
  const services = useServices();
  const discard = useConfirmed(() => discardChange(services, row.seq));
  const consequence =
    row.op.kind === 'create'
      ? 'The token was never created in the CRM. It is removed from this counter, with any change waiting behind it.'
      : 'The token goes back to the value the CRM has; changes waiting behind this one go on.';
  return (
    <>
      <button type="button" className="danger-outline" onClick={discard.ask}>
        Discard change
      </button>
      {discard.asking ? (
        <ConfirmDialog title="Discard this change?" confirmLabel="Discard change" danger {...discard.dialog}>
          <p>
            <strong>{describeOp(row.op)}</strong> will never be sent to the CRM. {consequence}
          </p>
          <p>The audit log records that you discarded it.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
