import { useRef } from 'react';
import { useAppStore } from '../../context';
import { signedIn } from '../../stores/operatorStore';
import { ActionError, useAction } from '../useAction';
import { roleLabel } from './roleLabel';

/**
 * Who is signed in at this window, opening onto Lock screen and Switch operator. A disclosure, so the
 * header keeps one row at 1024 px and the Issue form's save button stays in the first viewport.
 */
export function OperatorBar() {
  const operator = useAppStore('operators', signedIn);
  const lock = useAppStore('operators', (state) => state.lock);
  const signOut = useAppStore('operators', (state) => state.signOut);
  const action = useAction();
  const menu = useRef<HTMLDetailsElement>(null);
  if (!operator) return null;
  const close = () => menu.current?.removeAttribute('open');
  return (
    <details ref={menu} className="operator-bar" aria-label="Operator">
      <summary>
        <span className="sr-only">Signed in: </span>
        <strong>{operator.name}</strong> ({roleLabel(operator.role)})
      </summary>
      <div className="operator-menu">
        <button type="button" disabled={action.busy} onClick={() => void action.run(lock).then(close)}>
          Lock screen
        </button>
        <button type="button" disabled={action.busy} onClick={() => void action.run(signOut).then(close)}>
          Switch operator
        </button>
        <ActionError error={action.error} />
      </div>
    </details>
  );
}
