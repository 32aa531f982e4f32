import { useState, type FormEvent } from 'react';
import type { OperatorsView, OperatorSummary } from '../../shared/ipc/contract';
import { useAppStore } from '../context';
import { Field } from '../components/Field';
import { Screen } from '../components/Screen';
import { ActionError, useAction } from '../components/useAction';
import { roleLabel } from '../components/operators/roleLabel';

function lockedNote(operator: OperatorSummary): string | null {
  return operator.lockedUntil === null ? null : `${operator.name} is locked after too many wrong PINs.`;
}

/** Pick an operator and type the PIN; the operator whose screen was locked comes first. */
function PinForm({ operators, preselect }: { operators: OperatorSummary[]; preselect: string | null }) {
  const signIn = useAppStore('operators', (state) => state.signIn);
  const action = useAction();
  const [operatorId, setOperatorId] = useState(preselect ?? operators[0]?.id ?? '');
  const [pin, setPin] = useState('');
  const chosen = operators.find((operator) => operator.id === operatorId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      if (!/^\d{4,12}$/.test(pin)) throw new Error('A PIN is 4 to 12 digits.');
      try {
        await signIn({ operatorId, pin });
      } finally {
        setPin('');
      }
    });
  };
  return (
    <form aria-label="Sign in with a PIN" noValidate onSubmit={submit}>
      <div className="field">
        <label htmlFor="sign-in-operator">Operator</label>
        <select id="sign-in-operator" value={operatorId} onChange={(event) => setOperatorId(event.target.value)}>
          {operators.map((operator) => (
            <option key={operator.id} value={operator.id}>
              {operator.name} ({roleLabel(operator.role)})
            </option>
          ))}
        </select>
        {chosen && lockedNote(chosen) ? <p className="hint">{lockedNote(chosen)}</p> : null}
      </div>
      <Field label="PIN" type="password" inputMode="numeric" autoComplete="off" value={pin} autoFocus={preselect !== null} onChange={setPin} />
      <ActionError error={action.error} />
      <button type="submit" className="primary" disabled={action.busy || operatorId === ''}>
        Sign in
      </button>
    </form>
  );
}

/** A badge scanner types the code and Enter into the focused field: that submits it. */
function BadgeForm({ focus }: { focus: boolean }) {
  const signIn = useAppStore('operators', (state) => state.signIn);
  const action = useAction();
  const [badge, setBadge] = useState('');
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
    <form aria-label="Sign in with a badge" noValidate onSubmit={submit}>
      <Field label="Badge code" type="password" value={badge} autoFocus={focus} hint="Scan your badge here." onChange={setBadge} />
      <ActionError error={action.error} />
      <button type="submit" disabled={action.busy || badge.trim() === ''}>
        Sign in with badge
      </button>
    </form>
  );
}

/** Nobody signed in, or the screen locked: sign in (the locked operator again, or anyone else: that switches operator). */
export function SignInScreen({ view }: { view: OperatorsView }) {
  const locked = view.session?.locked ? view.session.operator : null;
  const anyBadge = view.operators.some((operator) => operator.hasBadge);
  return (
    <Screen title={locked ? 'Screen locked' : 'Sign in'}>
      {locked ? (
        <p>
          {locked.name} was signed in. Enter the PIN to go on, or choose another operator to switch.
        </p>
      ) : (
        <p>Choose your name and enter your PIN{anyBadge ? ', or scan your badge' : ''}.</p>
      )}
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
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      if (name.trim() === '') throw new Error('Enter the manager’s name.');
      if (!/^\d{4,12}$/.test(pin)) throw new Error('A PIN is 4 to 12 digits.');
      if (pin !== again) throw new Error('The two PINs differ. Type the same PIN twice.');
      await create(name.trim(), pin);
    });
  };
  return (
    <Screen title="Create the first manager">
      <p>
        Welcome to Token Desk. Every change at this counter names the operator who made it, so the first step is a manager: a name and a
        PIN. The manager then adds the clerks, changes Settings and can start training mode.
      </p>
      <form aria-label="Create the first manager" noValidate onSubmit={submit}>
        <Field label="Manager’s name" value={name} autoFocus onChange={setName} />
        <Field label="New PIN" type="password" inputMode="numeric" value={pin} hint="4 to 12 digits." onChange={setPin} />
        <Field label="New PIN again" type="password" inputMode="numeric" value={again} onChange={setAgain} />
        <ActionError error={action.error} />
        <button type="submit" className="primary" disabled={action.busy}>
          Create manager and sign in
        </button>
      </form>
    </Screen>
  );
}
