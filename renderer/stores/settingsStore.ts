import { createStore, type StoreApi } from 'zustand/vanilla';
import { settingsInputSchema, type SettingsInput, type SettingsView } from '../../shared/ipc/contract';
import type { TokenDeskApi } from '../../shared/ipc/tokenDeskApi';
import { errorMessage } from '../errors';
import { formProblem } from '../plainProblems';

export interface SettingsState {
  view: SettingsView | null;
  loading: boolean;
  saving: boolean;
  error: string | null;
  saved: boolean;
  load: () => Promise<void>;
  /** Checks the input as main will, then saves it; true on success. */
  save: (input: SettingsInput) => Promise<boolean>;
  /** Lets pass codes queued for the CRM's earlier address go to the current one. */
  confirmMove: () => Promise<void>;
}

export function createSettingsStore(api: Pick<TokenDeskApi, 'getSettings' | 'saveSettings' | 'confirmCrmMove'>): StoreApi<SettingsState> {
  return createStore<SettingsState>()((set) => ({
    view: null,
    loading: false,
    saving: false,
    error: null,
    saved: false,
    load: async () => {
      set({ loading: true, error: null, saved: false });
      try {
        set({ view: await api.getSettings({}) });
      } catch (error) {
        set({ error: errorMessage(error) });
      } finally {
        set({ loading: false });
      }
    },
    confirmMove: async () => {
      set({ error: null });
      try {
        set({ view: await api.confirmCrmMove({}) });
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    },
    save: async (input) => {
      set({ saved: false, error: null });
      const checked = settingsInputSchema.safeParse(input);
      if (!checked.success) {
        set({ error: formProblem(checked.error) });
        return false;
      }
      set({ saving: true });
      try {
        set({ view: await api.saveSettings(checked.data), saved: true });
        return true;
      } catch (error) {
        set({ error: errorMessage(error) });
        return false;
      } finally {
        set({ saving: false });
      }
    },
  }));
}
