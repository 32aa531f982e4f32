import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  generateValue,
  handOut,
  issueNew,
  LocalChangeError,
  type IssueDeps,
  type IssueField,
  type IssueFieldErrors,
  type IssueFields,
} from '../commands';
import type { TokenRow } from '../storage/rows';
import { errorMessage } from '../errors';

export type { IssueField, IssueFieldErrors, IssueFields };

/** A new token, or a not-associated token handed out from the local stock. */
export type IssueMode = 'new' | 'stock';

export interface IssueState {
  mode: IssueMode;
  fields: IssueFields;
  /** The stock token picked to hand out (stock mode). */
  stockLocalId: string | null;
  /** The pass code on screen was generated, so the operator must read it out to the customer. */
  passCodeGenerated: boolean;
  errors: IssueFieldErrors;
  formError: string | null;
  submitting: boolean;
  /** The token the last successful submit issued or handed out: its slip is on screen. */
  issued: TokenRow | null;
  /** What the CRM could not be asked before the last save (shown with its slip); null when all was checked. */
  unconfirmed: string | null;
  setMode: (mode: IssueMode) => void;
  setField: (field: IssueField, value: string) => void;
  setStockToken: (localId: string) => void;
  /** Fills the identifier or the pass code from the active definition's rule. */
  generate: (field: 'identifier' | 'passCode') => Promise<void>;
  /** Validates, seals the pass code, then issues (or hands out) locally; true when it was done. */
  submit: () => Promise<boolean>;
  /** Leaves the slip for an empty form (a new token after a slip). */
  newForm: () => void;
}

const EMPTY: IssueFields = { identifier: '', passCode: '', participantNumber: '', classificationId: '' };

function withoutKey(errors: IssueFieldErrors, field: IssueField): IssueFieldErrors {
  const rest = { ...errors };
  delete rest[field];
  return rest;
}

/** The issue form's view state; `submit` runs the issue (or hand-out) command. */
export function createIssueStore(deps: IssueDeps): StoreApi<IssueState> {
  return createStore<IssueState>()((set, get) => ({
      mode: 'new',
      fields: EMPTY,
      stockLocalId: null,
      passCodeGenerated: false,
      errors: {},
      formError: null,
      submitting: false,
      issued: null,
      unconfirmed: null,
      setMode: (mode) => set({ mode, errors: {}, formError: null }),
      setField: (field, value) =>
        set((state) => ({
          fields: { ...state.fields, [field]: value },
          passCodeGenerated: field === 'passCode' ? false : state.passCodeGenerated,
        })),
      setStockToken: (stockLocalId) => set({ stockLocalId, formError: null }),
      generate: async (field) => {
        const value = await generateValue(deps, field);
        set((state) => ({
          fields: { ...state.fields, [field]: value },
          passCodeGenerated: field === 'passCode' ? true : state.passCodeGenerated,
          errors: withoutKey(state.errors, field),
        }));
      },
      submit: async () => {
        if (get().submitting) return false;
        set({ submitting: true, formError: null, errors: {}, issued: null, unconfirmed: null });
        try {
          const { mode, fields, stockLocalId } = get();
          const outcome = mode === 'stock' ? await handOut(deps, fields, stockLocalId) : await issueNew(deps, fields);
          if (!outcome.ok) {
            set({ errors: outcome.errors });
            return false;
          }
          set({ issued: outcome.token, unconfirmed: outcome.unconfirmed, fields: EMPTY, passCodeGenerated: false, stockLocalId: null });
          return true;
        } catch (error) {
          if (error instanceof LocalChangeError && error.field === 'identifier') set({ errors: { identifier: error.message } });
          else set({ formError: errorMessage(error) });
          return false;
        } finally {
          set({ submitting: false });
        }
      },
      // After a slip, the next customer starts with a new token.
      newForm: () => set((state) => ({ issued: null, unconfirmed: null, errors: {}, formError: null, mode: state.issued ? 'new' : state.mode })),
  }));
}
