import type { AppServices } from './services';
import { isManager } from './stores/operatorStore';
import type { Screen } from './stores/uiStore';

/** The keys a counter uses most, shown beside their buttons and in the help line. */
export const SCREEN_KEYS = { find: 'F2', issue: 'F3', pending: 'F4', stock: 'F6', settings: 'F8', shift: 'F9' } as const satisfies Partial<Record<Screen, string>>;
export const SYNC_KEY = 'F5';
export const HELP_KEY = 'F1';

export type NavScreen = keyof typeof SCREEN_KEYS;

/** Each key with its catalog word under `shell.nav`. */
export const SHORTCUT_HELP: ReadonlyArray<readonly [string, string]> = [
  [SCREEN_KEYS.find, 'find'],
  [SCREEN_KEYS.issue, 'issue'],
  [SCREEN_KEYS.pending, 'pending'],
  [SYNC_KEY, 'syncNow'],
  [SCREEN_KEYS.stock, 'stock'],
  [SCREEN_KEYS.settings, 'settings'],
  [SCREEN_KEYS.shift, 'shift'],
  [HELP_KEY, 'help'],
  ['Esc', 'back'],
];

/** Settings are a manager's; every other screen is any operator's. */
export const mayOpen = (screen: NavScreen, manager: boolean): boolean => screen !== 'settings' || manager;

/**
 * Opens a screen as its nav button and its key do: Find focused for a scan; Issue with an empty form if
 * a slip was showing. Settings stay shut to anyone but a signed-in manager.
 */
export function goTo(services: Pick<AppServices, 'ui' | 'issue' | 'operators'>, screen: NavScreen): void {
  if (!mayOpen(screen, isManager(services.operators.getState()))) return;
  if (screen === 'find') {
    services.ui.getState().focusFind();
    return;
  }
  if (screen === 'issue') services.issue.getState().newForm();
  services.ui.getState().show(screen);
}

const BY_KEY = new Map<string, NavScreen>(Object.entries(SCREEN_KEYS).map(([screen, key]) => [key, screen as NavScreen]));

/** A modal dialog is open: it owns the keyboard (Esc closes it). */
export const dialogOpen = (): boolean => document.querySelector('[aria-modal="true"]') !== null;

/** What a key does anywhere in the app; true when it was one of the shortcuts. */
export function runShortcut(services: Pick<AppServices, 'ui' | 'issue' | 'scheduler' | 'operators'>, key: string): boolean {
  const screen = BY_KEY.get(key);
  if (screen) {
    goTo(services, screen);
    return true;
  }
  if (key === SYNC_KEY) {
    void services.scheduler.syncNow();
    return true;
  }
  if (key === HELP_KEY) {
    services.ui.getState().setHelpOpen(true);
    return true;
  }
  if (key === 'Escape') {
    const ui = services.ui.getState();
    if (ui.screen === 'find') ui.focusFind({ clear: true });
    else ui.back();
    return true;
  }
  return false;
}
