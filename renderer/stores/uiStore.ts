import { createStore, type StoreApi } from 'zustand/vanilla';

export type Screen = 'find' | 'issue' | 'pending' | 'stock' | 'settings' | 'token' | 'shift';

export interface UiState {
  screen: Screen;
  /** Where "back" (Esc) leads from Token detail: the screen it was opened from. */
  previous: Screen;
  selectedTokenLocalId: string | null;
  /** What is typed in Find; kept while the operator looks at a token. */
  search: string;
  /** Raised to ask Find's input to take focus and select its text (F2, Esc, "Next customer"). */
  findFocus: number;
  /** The help panel (F1) is open. */
  helpOpen: boolean;
  setHelpOpen: (open: boolean) => void;
  show: (screen: Screen) => void;
  openToken: (localId: string) => void;
  setSearch: (text: string) => void;
  /** Esc: Token detail goes back where it came from; any other screen goes to Find. */
  back: () => void;
  /** Find, focused, ready for the next scan; `clear` empties the search first. */
  focusFind: (options?: { clear?: boolean }) => void;
}

export function createUiStore(): StoreApi<UiState> {
  return createStore<UiState>()((set, get) => ({
    screen: 'find',
    previous: 'find',
    selectedTokenLocalId: null,
    search: '',
    findFocus: 0,
    helpOpen: false,
    setHelpOpen: (helpOpen) => set({ helpOpen }),
    show: (screen) => set((state) => ({ screen, previous: state.screen === 'token' ? state.previous : state.screen })),
    openToken: (localId) =>
      set((state) => ({ screen: 'token', selectedTokenLocalId: localId, previous: state.screen === 'token' ? state.previous : state.screen })),
    setSearch: (search) => set({ search }),
    back: () => {
      const { screen, previous } = get();
      if (screen === 'token' && previous !== 'find') set({ screen: previous });
      else get().focusFind();
    },
    focusFind: ({ clear = false } = {}) =>
      set((state) => ({ screen: 'find', findFocus: state.findFocus + 1, ...(clear ? { search: '' } : {}) })),
  }));
}
