import { useAppStore, useServices } from '../context';
import { useTranslation } from '../i18n';
import { goTo, mayOpen, SCREEN_KEYS, type NavScreen } from '../shortcuts';
import { isManager } from '../stores/operatorStore';
import { Kbd } from './Kbd';

const SCREENS: readonly NavScreen[] = ['find', 'issue', 'pending', 'stock', 'settings'];

export function Nav() {
  const services = useServices();
  const screen = useAppStore('ui', (state) => state.screen);
  const manager = useAppStore('operators', isManager);
  const { t } = useTranslation();
  const managersOnly = t('shell.nav.managersOnly');
  return (
    <nav aria-label={t('shell.nav.label')} className="nav">
      {SCREENS.map((target) => {
        const closed = !mayOpen(target, manager);
        return (
          <button
            key={target}
            type="button"
            aria-current={screen === target ? 'page' : undefined}
            aria-keyshortcuts={SCREEN_KEYS[target]}
            disabled={closed}
            title={closed ? managersOnly : undefined}
            aria-describedby={closed ? 'nav-managers-only' : undefined}
            onClick={() => goTo(services, target)}
          >
            {t(`shell.nav.${target}`)} <Kbd>{SCREEN_KEYS[target]}</Kbd>
          </button>
        );
      })}
      {manager ? null : (
        <span id="nav-managers-only" className="nav-note">
          {managersOnly}
        </span>
      )}
    </nav>
  );
}
