import { useAppStore } from '../../context';
import { signedIn } from '../../stores/operatorStore';
import { ActionError, useAction } from '../useAction';
import { roleLabel } from './roleLabel';

/** Who is signed in at this window, with Lock and Switch operator. */
export function OperatorBar() {
  const operator = useAppStore('operators', signedIn);
  const lock = useAppStore('operators', (state) => state.lock);
  const signOut = useAppStore('operators', (state) => state.signOut);
  const action = useAction();
  if (!operator) return null;
  return (
    <div className="operator-bar" role="group" aria-label="Operator">
      <span>
        Signed in: <strong>{operator.name}</strong> ({roleLabel(operator.role)})
      </span>
      <button type="button" disabled={action.busy} onClick={() => void action.run(lock)}>
        Lock screen
      </button>
      <button type="button" disabled={action.busy} onClick={() => void action.run(signOut)}>
        Switch operator
      </button>
      <ActionError error={action.error} />
    </div>
  );
}
