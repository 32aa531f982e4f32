import { useState, type FormEvent } from 'react';
import type { OperatorSummary, Role } from '../../../shared/ipc/contract';
import { useAppStore } from '../../context';
import { signedIn } from '../../stores/operatorStore';
import { Field } from '../Field';
import { ActionError, useAction } from '../useAction';
import { roleLabel } from './roleLabel';

const PIN_RULE = /^\d{4,12}$/;

function checkPin(pin: string): void {
  if (!PIN_RULE.test(pin)) throw new Error('A PIN is 4 to 12 digits.');
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
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAdded(null);
    const done = await action.run(async () => {
      if (name.trim() === '') throw new Error('Enter the new operator’s name.');
      checkPin(pin);
      await add({ name: name.trim(), role, pin, ...(badge.trim() === '' ? {} : { badge: badge.trim() }) });
    });
    if (done) {
      setAdded(`${name.trim()} can now sign in as ${roleLabel(role)}.`);
      setName('');
      setPin('');
      setBadge('');
    }
  };
  return (
    <form aria-label="Add an operator" noValidate onSubmit={(event) => void submit(event)}>
      <Field label="Name of the new operator" value={name} onChange={setName} />
      <div className="field">
        <label htmlFor="new-operator-role">Role</label>
        <select id="new-operator-role" value={role} onChange={(event) => setRole(event.target.value === 'manager' ? 'manager' : 'clerk')}>
          <option value="clerk">Clerk: issues, finds, switches, edits and prints</option>
          <option value="manager">Manager: also Settings, definition, discards and operators</option>
        </select>
      </div>
      <Field label="PIN of the new operator" type="password" inputMode="numeric" value={pin} hint="4 to 12 digits; tell it to them, it is never shown again." onChange={setPin} />
      <Field label="Badge code (optional)" type="password" value={badge} hint="Scan the badge here to let them sign in with it." onChange={setBadge} />
      <ActionError error={action.error} />
      {added ? (
        <p role="status" className="saved">
          {added}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={action.busy}>
        Add operator
      </button>
    </form>
  );
}

/** A new PIN (lifts a lockout), a new badge or none, or removal. */
function OperatorRow({ operator, self }: { operator: OperatorSummary; self: boolean }) {
  const reset = useAppStore('operators', (state) => state.resetOperator);
  const remove = useAppStore('operators', (state) => state.removeOperator);
  const action = useAction();
  const [resetting, setResetting] = useState(false);
  const [pin, setPin] = useState('');
  const [badge, setBadge] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await action.run(async () => {
      checkPin(pin);
      await reset(operator.id, pin, badge.trim() === '' ? undefined : badge.trim());
    });
    if (done) setResetting(false);
  };
  const status = operator.lockedUntil === null ? (operator.hasBadge ? 'PIN and badge' : 'PIN') : 'Locked after wrong PINs';
  return (
    <li className="operator-row">
      <span>
        <strong>{operator.name}</strong> ({roleLabel(operator.role)}){self ? ', signed in here' : ''} — {status}
      </span>
      <button type="button" onClick={() => setResetting(!resetting)}>
        Reset PIN of {operator.name}
      </button>
      <button type="button" className="danger-outline" disabled={action.busy || self} title={self ? 'Switch operator first to remove yourself.' : undefined} onClick={() => void action.run(() => remove(operator.id))}>
        Remove {operator.name}
      </button>
      {resetting ? (
        <form aria-label={`New PIN for ${operator.name}`} noValidate onSubmit={(event) => void submit(event)}>
          <Field label={`New PIN for ${operator.name}`} type="password" inputMode="numeric" value={pin} onChange={setPin} />
          <Field label={`New badge code for ${operator.name} (optional)`} type="password" value={badge} hint="Empty keeps the badge as it is." onChange={setBadge} />
          <button type="submit" disabled={action.busy}>
            Save new PIN
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
  return (
    <section aria-labelledby="operators-title" className="settings-section">
      <h3 id="operators-title">Operators</h3>
      <p className="hint">Clerks issue, find, switch, edit and print. Managers also change Settings, import the definition, discard refused changes and manage operators.</p>
      <ul aria-label="Operators of this counter" className="operator-list">
        {view?.operators.map((operator) => <OperatorRow key={operator.id} operator={operator} self={operator.id === me?.id} />)}
      </ul>
      <AddOperator />
    </section>
  );
}
