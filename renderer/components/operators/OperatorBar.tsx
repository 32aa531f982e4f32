import { useTranslation } from '../../i18n';
import { useRef } from 'react';
import { useAppStore, useServices } from '../../context';
import { goTo, HELP_KEY, SCREEN_KEYS } from '../../shortcuts';
import { signedIn } from '../../stores/operatorStore';
import { Kbd } from '../Kbd';
import { ActionError, useAction } from '../useAction';
import { roleLabel } from './roleLabel';

/**
 * Who is signed in at this window, opening onto Lock screen, Switch operator, End of shift and Help. A disclosure, so the
 * header keeps one row at 1024 px and the Issue form's save button stays in the first viewport.
 */
export function OperatorBar() {
  const operator = useAppStore('operators', signedIn);
  const lock = useAppStore('operators', (state) => state.lock);
  const signOut = useAppStore('operators', (state) => state.signOut);
  const openHelp = useAppStore('ui', (state) => state.setHelpOpen);
  const services = useServices();
  const action = useAction();
  const { t } = useTranslation();
  const menu = useRef<HTMLDetailsElement>(null);
  if (!operator) return null;
  const close = () => menu.current?.removeAttribute('open');
  const openShift = () => {
    close();
    goTo(services, 'shift');
  };
  // The focus waits on the menu's summary, so the help returns it there and not to a hidden button.
  const help = () => {
    close();
    menu.current?.querySelector('summary')?.focus();
    openHelp(true);
  };
  return (
    <details ref={menu} className="operator-bar" aria-label={t('shell.operator.menu')}>
      <summary>
        <span className="sr-only">{t('shell.operator.signedIn')}</span>
        <strong>{operator.name}</strong> ({roleLabel(operator.role)})
      </summary>
      <div className="operator-menu">
        <button type="button" disabled={action.busy} onClick={() => void action.run(lock).then(close)}>
          {t('shell.operator.lock')}
        </button>
        <button type="button" disabled={action.busy} onClick={() => void action.run(signOut).then(close)}>
          {t('shell.operator.switch')}
        </button>
        <button type="button" aria-keyshortcuts={SCREEN_KEYS.shift} onClick={openShift}>
          {t('shell.nav.shift')} <Kbd>{SCREEN_KEYS.shift}</Kbd>
        </button>
        <button type="button" aria-keyshortcuts={HELP_KEY} onClick={help}>
          {t('shell.nav.help')} <Kbd>{HELP_KEY}</Kbd>
        </button>
        <ActionError error={action.error} />
      </div>
    </details>
  );
}
