import { createStore, type StoreApi } from 'zustand/vanilla';

export type Screen = 'find' | 'issue' | 'settings' | 'token';

export interface UiState {
  screen: Screen;
  selectedTokenLocalId: string | null;
  /** What is typed in Find; kept while the operator looks at a token. */
  search: string;
  show: (screen: Screen) => void;
  openToken: (localId: string) => void;
  setSearch: (text: string) => void;
}

export function createUiStore(): StoreApi<UiState> {
  return createStore<UiState>()((set) => ({
    screen: 'find',
    selectedTokenLocalId: null,
    search: '',
    show: (screen) => set({ screen }),
    openToken: (localId) => set({ screen: 'token', selectedTokenLocalId: localId }),
    setSearch: (search) => set({ search }),
  }));
}
