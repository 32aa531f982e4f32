import { t, useTranslation } from '../../i18n';
import { useState, type FormEvent } from 'react';
import type { OperatorSummary, Role } from '../../../shared/ipc/contract';
import { useAppStore } from '../../context';
import { signedIn } from '../../stores/operatorStore';
import { ConfirmDialog } from '../ConfirmDialog';
import { Field } from '../Field';
import { useConfirmed } from '../useConfirmed';
import { ActionError, useAction } from '../useAction';
import { roleLabel } from './roleLabel';

const PIN_RULE = /^\d{4,12}$/;

function checkPin(pin: string): void {
  if (!PIN_RULE.test(pin)) throw new Error(t('operators.signIn.pinDigits'));
}

/** A new clerk or manager: name, role, PIN and an optional badge. */
function AddOperator() {
  const add = useAppStore('operators', (state) => state.addOperator);
  const action = useAction();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('clerk');
  const [pin, setPin] = useState('');
  const [badge, setBadge] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  useTranslation();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAdded(null);
    const done = await action.run(async () => {
      if (name.trim() === '') throw new Error(t('settings.operators.nameMissing'));
      checkPin(pin);
      await add({ name: name.trim(), role, pin, ...(badge.trim() === '' ? {} : { badge: badge.trim() }) });
    });
    if (done) {
      setAdded(t('settings.operators.added', { name: name.trim(), role: roleLabel(role) }));
      setName('');
      setPin('');
      setBadge('');
    }
  };
  return (
    <form aria-label={t('settings.operators.addForm')} noValidate onSubmit={(event) => void submit(event)}>
      <Field label={t('settings.operators.name')} value={name} onChange={setName} />
      <div className="field">
        <label htmlFor="new-operator-role">{t('settings.operators.role')}</label>
        <select id="new-operator-role" value={role} onChange={(event) => setRole(event.target.value === 'manager' ? 'manager' : 'clerk')}>
          <option value="clerk">{t('settings.operators.clerkRole')}</option>
          <option value="manager">{t('settings.operators.managerRole')}</option>
        </select>
      </div>
      <Field label={t('settings.operators.pin')} type="password" inputMode="numeric" value={pin} hint={t('settings.operators.pinHint')} onChange={setPin} />
      <Field label={t('settings.operators.badge')} type="password" value={badge} hint={t('settings.operators.badgeHint')} onChange={setBadge} />
      <ActionError error={action.error} />
      {added ? (
        <p role="status" className="saved">
          {added}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={action.busy}>
        {t('settings.operators.add')}
      </button>
    </form>
  );
}

/** A new PIN (lifts a lockout), a new badge or none, or removal. */
function OperatorRow({ operator, self }: { operator: OperatorSummary; self: boolean }) {
  const reset = useAppStore('operators', (state) => state.resetOperator);
  const remove = useAppStore('operators', (state) => state.removeOperator);
  const action = useAction();
  const removal = useConfirmed(() => remove(operator.id));
  const [resetting, setResetting] = useState(false);
  const [pin, setPin] = useState('');
  const [badge, setBadge] = useState('');
  useTranslation();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await action.run(async () => {
      checkPin(pin);
      await reset(operator.id, pin, badge.trim() === '' ? undefined : badge.trim());
    });
    if (done) setResetting(false);
  };
  const status = t(operator.lockedUntil === null ? (operator.hasBadge ? 'settings.operators.pinAndBadge' : 'settings.operators.pinOnly') : 'settings.operators.lockedOut');
  const name = operator.name;
  return (
    <li className="operator-row">
      <span>
        <strong>{name}</strong> {t(self ? 'settings.operators.rowSelf' : 'settings.operators.row', { role: roleLabel(operator.role), status })}
      </span>
      <button type="button" onClick={() => setResetting(!resetting)}>
        {t('settings.operators.reset', { name })}
      </button>
      <button type="button" className="danger-outline" disabled={removal.busy || self} title={self ? t('settings.operators.removeSelf') : undefined} onClick={removal.ask}>
        {t('settings.operators.remove', { name })}
      </button>
      {removal.asking ? (
        <ConfirmDialog title={t('settings.operators.removeTitle', { name })} confirmLabel={t('settings.operators.remove', { name })} danger {...removal.dialog}>
          <p>{t('settings.operators.removeText', { name })}</p>
        </ConfirmDialog>
      ) : null}
      {resetting ? (
        <form aria-label={t('settings.operators.newPinForm', { name })} noValidate onSubmit={(event) => void submit(event)}>
          <Field label={t('settings.operators.newPin', { name })} type="password" inputMode="numeric" value={pin} onChange={setPin} />
          <Field label={t('settings.operators.newBadge', { name })} type="password" value={badge} hint={t('settings.operators.newBadgeHint')} onChange={setBadge} />
          <button type="submit" disabled={action.busy}>
            {t('settings.operators.savePin')}
          </button>
        </form>
      ) : null}
      <ActionError error={action.error} />
    </li>
  );
}

/** Settings' operators: who may sign in at this counter, and as what. */
export function OperatorSettings() {
  const view = useAppStore('operators', (state) => state.view);
  const me = useAppStore('operators', signedIn);
  useTranslation();
  return (
    <section aria-labelledby="operators-title" className="settings-section">
      <h3 id="operators-title">{t('settings.operators.title')}</h3>
      <p className="hint">{t('settings.operators.hint')}</p>
      <ul aria-label={t('settings.operators.list')} className="operator-list">
        {view?.operators.map((operator) => <OperatorRow key={operator.id} operator={operator} self={operator.id === me?.id} />)}
      </ul>
      <AddOperator />
    </section>
  );
}
