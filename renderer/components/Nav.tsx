import { useAppStore, useServices } from '../context';
import { goTo, SCREEN_KEYS, type NavScreen } from '../shortcuts';
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
  return (
    <nav aria-label="Screens" className="nav">
      {SCREENS.map(([target, label]) => (
        <button
          key={target}
          type="button"
          aria-current={screen === target ? 'page' : undefined}
          aria-keyshortcuts={SCREEN_KEYS[target]}
          onClick={() => goTo(services, target)}
        >
          {label} <Kbd>{SCREEN_KEYS[target]}</Kbd>
        </button>
      ))}
    </nav>
  );
}
