import { t, useTranslation } from '../i18n';
import { useState, type FormEvent } from 'react';
import type { OperatorsView, OperatorSummary } from '../../shared/ipc/contract';
import { useAppStore } from '../context';
import { Field } from '../components/Field';
import { Screen } from '../components/Screen';
import { ActionError, useAction } from '../components/useAction';
import { roleLabel } from '../components/operators/roleLabel';

function lockedNote(operator: OperatorSummary): string | null {
  return operator.lockedUntil === null ? null : t('operators.signIn.lockedOut', { name: operator.name });
}

/** Pick an operator and type the PIN; the operator whose screen was locked comes first. */
function PinForm({ operators, preselect }: { operators: OperatorSummary[]; preselect: string | null }) {
  const signIn = useAppStore('operators', (state) => state.signIn);
  const action = useAction();
  const [operatorId, setOperatorId] = useState(preselect ?? operators[0]?.id ?? '');
  const [pin, setPin] = useState('');
  const chosen = operators.find((operator) => operator.id === operatorId);
  useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      if (!/^\d{4,12}$/.test(pin)) throw new Error(t('operators.signIn.pinDigits'));
      try {
        await signIn({ operatorId, pin });
      } finally {
        setPin('');
      }
    });
  };
  return (
    <form aria-label={t('operators.signIn.pinForm')} noValidate onSubmit={submit}>
      <div className="field">
        <label htmlFor="sign-in-operator">{t('operators.signIn.operator')}</label>
        <select id="sign-in-operator" value={operatorId} onChange={(event) => setOperatorId(event.target.value)}>
          {operators.map((operator) => (
            <option key={operator.id} value={operator.id}>
              {t('operators.signIn.option', { name: operator.name, role: roleLabel(operator.role) })}
            </option>
          ))}
        </select>
        {chosen && lockedNote(chosen) ? <p className="hint">{lockedNote(chosen)}</p> : null}
      </div>
      <Field label={t('operators.signIn.pin')} type="password" inputMode="numeric" autoComplete="off" value={pin} autoFocus={preselect !== null} onChange={setPin} />
      <ActionError error={action.error} />
      <button type="submit" className="primary" disabled={action.busy || operatorId === ''}>
        {t('operators.signIn.submit')}
      </button>
    </form>
  );
}

/** A badge scanner types the code and Enter into the focused field: that submits it. */
function BadgeForm({ focus }: { focus: boolean }) {
  const signIn = useAppStore('operators', (state) => state.signIn);
  const action = useAction();
  const [badge, setBadge] = useState('');
  useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      try {
        await signIn({ badge: badge.trim() });
      } finally {
        setBadge('');
      }
    });
  };
  return (
    <form aria-label={t('operators.signIn.badgeForm')} noValidate onSubmit={submit}>
      <Field label={t('operators.signIn.badge')} type="password" value={badge} autoFocus={focus} hint={t('operators.signIn.badgeHint')} onChange={setBadge} />
      <ActionError error={action.error} />
      <button type="submit" disabled={action.busy || badge.trim() === ''}>
        {t('operators.signIn.badgeSubmit')}
      </button>
    </form>
  );
}

/** Nobody signed in, or the screen locked: sign in (the locked operator again, or anyone else: that switches operator). */
export function SignInScreen({ view }: { view: OperatorsView }) {
  const locked = view.session?.locked ? view.session.operator : null;
  const anyBadge = view.operators.some((operator) => operator.hasBadge);
  useTranslation();
  return (
    <Screen title={locked ? t('operators.signIn.lockedTitle') : t('operators.signIn.title')}>
      {locked ? <p>{t('operators.signIn.locked', { name: locked.name })}</p> : <p>{anyBadge ? t('operators.signIn.chooseOrBadge') : t('operators.signIn.choose')}</p>}
      {view.damage ? <p role="alert" className="form-error">{view.damage}</p> : null}
      <PinForm operators={view.operators} preselect={locked?.id ?? null} />
      {anyBadge ? <BadgeForm focus={locked === null} /> : null}
    </Screen>
  );
}

/** The first start: nobody can work until the first manager exists (a name and a PIN, typed twice). */
export function FirstManagerScreen() {
  const create = useAppStore('operators', (state) => state.createFirstManager);
  const action = useAction();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      if (name.trim() === '') throw new Error(t('operators.first.nameMissing'));
      if (!/^\d{4,12}$/.test(pin)) throw new Error(t('operators.signIn.pinDigits'));
      if (pin !== again) throw new Error(t('operators.first.differ'));
      await create(name.trim(), pin);
    });
  };
  return (
    <Screen title={t('operators.first.title')}>
      <p>{t('operators.first.welcome')}</p>
      <form aria-label={t('operators.first.title')} noValidate onSubmit={submit}>
        <Field label={t('operators.first.name')} value={name} autoFocus onChange={setName} />
        <Field label={t('operators.first.pin')} type="password" inputMode="numeric" value={pin} hint={t('operators.first.pinHint')} onChange={setPin} />
        <Field label={t('operators.first.again')} type="password" inputMode="numeric" value={again} onChange={setAgain} />
        <ActionError error={action.error} />
        <button type="submit" className="primary" disabled={action.busy}>
          {t('operators.first.submit')}
        </button>
      </form>
    </Screen>
  );
}
