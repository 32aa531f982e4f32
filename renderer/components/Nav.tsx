import { useAppStore, useServices } from '../context';
import { goTo, MANAGERS_ONLY, mayOpen, SCREEN_KEYS, type NavScreen } from '../shortcuts';
import { isManager } from '../stores/operatorStore';
import { Kbd } from './Kbd';

const SCREENS: ReadonlyArray<readonly [NavScreen, string]> = [
  ['find', 'Find'],
  ['issue', 'Issue'],
  ['pending', 'Pending'],
  ['stock', 'Stock'],
  ['settings', 'Settings'],
];

export function Nav() {
  const services = useServices();
  const screen = useAppStore('ui', (state) => state.screen);
  const manager = useAppStore('operators', isManager);
  return (
    <nav aria-label="Screens" className="nav">
      {SCREENS.map(([target, label]) => {
        const closed = !mayOpen(target, manager);
        return (
          <button
            key={target}
            type="button"
            aria-current={screen === target ? 'page' : undefined}
            aria-keyshortcuts={SCREEN_KEYS[target]}
            disabled={closed}
            title={closed ? MANAGERS_ONLY : undefined}
            aria-describedby={closed ? 'nav-managers-only' : undefined}
            onClick={() => goTo(services, target)}
          >
            {label} <Kbd>{SCREEN_KEYS[target]}</Kbd>
          </button>
        );
      })}
      {manager ? null : (
        <span id="nav-managers-only" className="nav-note">
          {MANAGERS_ONLY}
        </span>
      )}
    </nav>
  );
}
