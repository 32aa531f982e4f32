import { useAppStore } from '../context';
import type { Screen } from '../stores/uiStore';

const SCREENS: ReadonlyArray<readonly [Screen, string]> = [
  ['find', 'Find'],
  ['issue', 'Issue'],
  ['settings', 'Settings'],
];

export function Nav() {
  const screen = useAppStore('ui', (state) => state.screen);
  const show = useAppStore('ui', (state) => state.show);
  return (
    <nav aria-label="Screens" className="nav">
      {SCREENS.map(([target, label]) => (
        <button key={target} type="button" aria-current={screen === target ? 'page' : undefined} onClick={() => show(target)}>
          {label}
        </button>
      ))}
    </nav>
  );
}
