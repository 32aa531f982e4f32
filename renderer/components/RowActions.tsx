import { useTranslation } from '../i18n';
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
  const { t } = useTranslation();
  const decide = async (work: () => Promise<void>, done: string) => {
    if (await action.run(work)) onDecided(done);
  };
  return (
    <section aria-label={t('pending.fix.conflictLabel')} className="sync-actions">
      <h3>{t('pending.fix.conflictTitle')}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('pending.fix.field')}</th>
            <th scope="col">{t('pending.fix.crmValue')}</th>
            <th scope="col">{t('pending.fix.mine')}</th>
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
          onClick={() => void decide(() => keepCrmValue(services, row.seq), t('pending.fix.keptCrm', { values: conflictSummary(conflicts, 'crm') }))}
        >
          {t('pending.fix.keepCrm')}
        </button>
        <button
          type="button"
          disabled={action.busy}
          onClick={() => void decide(() => applyMine(services, row.seq), t('pending.fix.appliedMine', { values: conflictSummary(conflicts, 'mine') }))}
        >
          {t('pending.fix.applyMine')}
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
  const { t } = useTranslation();
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run(() => fixIdentifier(services, row.seq, identifier))) {
      onDecided(t('pending.fix.identifierChanged', { identifier: identifier.trim() }));
    }
  };
  return (
    <form aria-label={t('pending.fix.identifierForm')} className="sync-actions" noValidate onSubmit={(event) => void onSubmit(event)}>
      <p>{t('pending.fix.identifierText')}</p>
      <Field label={t('pending.fix.identifier')} value={identifier} error={action.error ?? undefined} onChange={setIdentifier} />
      <div className="actions">
        <button type="submit" className="primary" disabled={action.busy}>
          {t('pending.fix.saveRetry')}
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
  const { t } = useTranslation();
  const fix = async (number: string | null) => {
    if (!(await action.run(() => fixParticipant(services, row.seq, number)))) return;
    const given = number?.trim() ?? '';
    onDecided(given === '' ? t('pending.fix.participantNone') : t('pending.fix.participantChanged', { number: given }));
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void fix(participant);
  };
  return (
    <form aria-label={t('pending.fix.participantForm')} className="sync-actions" noValidate onSubmit={onSubmit}>
      <p>{t('pending.fix.participantText')}</p>
      <Field label={t('pending.fix.participant')} inputMode="numeric" value={participant} error={action.error ?? undefined} onChange={setParticipant} />
      <div className="actions">
        <button type="submit" className="primary" disabled={action.busy}>
          {t('pending.fix.saveRetry')}
        </button>
        <button type="button" disabled={action.busy} onClick={() => void fix(null)}>
          {t('pending.fix.withoutParticipant')}
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
  const { t } = useTranslation();
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run(() => fixVerificationCode(services, row.seq, code))) onDecided(t('pending.fix.codeSentAgain', { change: describeOp(row.op) }));
  };
  return (
    <form aria-label={t('pending.fix.verificationForm')} className="sync-actions" noValidate onSubmit={(event) => void onSubmit(event)}>
      <VerificationCodeField value={code} error={action.error} onChange={setCode} />
      <div className="actions">
        <button type="submit" className="primary" disabled={action.busy}>
          {t('pending.fix.sendAgain')}
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
  const { t } = useTranslation();
  const retry = async () => {
    if (await action.run(() => retryChange(services, row.seq))) onDecided(t('pending.fix.queuedAgain', { change: describeOp(row.op) }));
  };
  return (
    <div className="sync-actions">
      <div className="actions">
        <button type="button" disabled={action.busy} onClick={() => void retry()}>
          {t('pending.fix.retry')}
        </button>
        <DiscardChange row={row} onDecided={onDecided} />
      </div>
      <ActionError error={action.error} />
    </div>
  );
}

/** A manager and their PIN, asked in the discard dialog when a clerk is signed in. */
function ManagerApproval({ managers, managerId, pin, onManager, onPin }: { managers: OperatorSummary[]; managerId: string; pin: string; onManager: (id: string) => void; onPin: (pin: string) => void }) {
  const { t } = useTranslation();
  if (managers.length === 0) return <p>{t('pending.discard.noManager')}</p>;
  return (
    <fieldset className="approval">
      <legend>{t('pending.discard.approval')}</legend>
      <div className="field">
        <label htmlFor="approving-manager">{t('pending.discard.manager')}</label>
        <select id="approving-manager" value={managerId} onChange={(event) => onManager(event.target.value)}>
          {managers.map((manager) => (
            <option key={manager.id} value={manager.id}>
              {manager.name}
            </option>
          ))}
        </select>
      </div>
      <Field label={t('pending.discard.pin')} type="password" inputMode="numeric" value={pin} onChange={onPin} />
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
  const { t } = useTranslation();
  const discard = useConfirmed(async () => {
    try {
      await discardChange(services, row.seq, manager ? undefined : { operatorId: managerId, pin });
      onDecided(t('pending.discard.discarded', { change: describeOp(row.op) }));
    } finally {
      setPin('');
    }
  });
  const consequence = row.op.kind === 'create' ? t('pending.discard.createLost') : t('pending.discard.updateLost');
  return (
    <>
      <button type="button" className="danger-outline" onClick={discard.ask}>
        {manager ? t('pending.discard.button') : t('pending.discard.buttonClerk')}
      </button>
      {discard.asking ? (
        <ConfirmDialog title={t('pending.discard.title')} confirmLabel={manager ? t('pending.discard.button') : t('pending.discard.approve')} danger {...discard.dialog}>
          <p>
            <strong>{describeOp(row.op)}</strong> {t('pending.discard.neverSent')} {consequence}
          </p>
          {manager ? (
            <p>{t('pending.discard.audited')}</p>
          ) : (
            <>
              <p>{t('pending.discard.managersDecision')}</p>
              <ManagerApproval managers={managers} managerId={managerId} pin={pin} onManager={setManagerId} onPin={setPin} />
            </>
          )}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
