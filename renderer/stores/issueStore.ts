import { createStore, type StoreApi } from 'zustand/vanilla';
import type { TokenDeskApi } from '../../shared/ipc/tokenDeskApi';
import { checkNewToken, hasErrors, type AccessTokenDefinition } from '../../shared/token/definition';
import { generateFieldValue, type RandomSource } from '../../shared/token/generate';
import type { TokenDeskDatabase } from '../db/database';
import { issueToken, LocalChangeError } from '../db/localChanges';
import { readClassifications, readDefinition } from '../db/meta';
import type { TokenRow } from '../db/rows';
import { handOutStock, stockOnHand } from '../db/stock';
import { errorMessage } from '../errors';

export interface IssueFields {
  identifier: string;
  passCode: string;
  participantNumber: string;
  /** '' for none. */
  classificationId: string;
}
export type IssueField = keyof IssueFields;
export type IssueFieldErrors = Partial<Record<IssueField, string>>;

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

export interface IssueDeps {
  db: TokenDeskDatabase;
  api: Pick<TokenDeskApi, 'sealSecret'>;
  random: RandomSource;
  now: () => number;
}

const EMPTY: IssueFields = { identifier: '', passCode: '', participantNumber: '', classificationId: '' };
const MAX_PARTICIPANT_NUMBER = 64;

function withoutKey(errors: IssueFieldErrors, field: IssueField): IssueFieldErrors {
  const rest = { ...errors };
  delete rest[field];
  return rest;
}

const orNull = (value: string): string | null => (value === '' ? null : value);

/** The identifier and pass code as typed, checked against the definition (a code that passes stands in for the token's). */
function identityErrors(definition: AccessTokenDefinition, identifier: string | null, passCode: string | null, code: string): IssueFieldErrors {
  const { authenticationCode: codeError, ...errors } = checkNewToken(definition, { identifier, passCode, authenticationCode: code });
  if (codeError) throw new Error(`The authentication code breaks the definition: ${codeError}`);
  return errors;
}

export function createIssueStore({ db, api, random, now }: IssueDeps): StoreApi<IssueState> {
  return createStore<IssueState>()((set, get) => {
    async function sealed(passCode: string | null): Promise<string | null> {
      return passCode === null ? null : (await api.sealSecret({ plaintext: passCode })).sealed;
    }

    function typed() {
      const { fields } = get();
      return { identifier: orNull(fields.identifier.trim()), passCode: orNull(fields.passCode), fields };
    }

    /** A new token, created in the CRM when synced; null when the form has errors (shown). */
    async function issueNew(definition: AccessTokenDefinition): Promise<TokenRow | null> {
      const { identifier, passCode, fields } = typed();
      const participantNumber = orNull(fields.participantNumber.trim());
      const authenticationCode = generateFieldValue(definition.authenticationCode, random);
      const errors = identityErrors(definition, identifier, passCode, authenticationCode);
      if (participantNumber !== null && participantNumber.length > MAX_PARTICIPANT_NUMBER) {
        errors.participantNumber = `Participant number must be at most ${MAX_PARTICIPANT_NUMBER} characters.`;
      }
      if (hasErrors(errors)) {
        set({ errors });
        return null;
      }
      const classificationId = orNull(fields.classificationId);
      const classification = (await readClassifications(db)).find((candidate) => candidate.id === classificationId);
      const sealedPassCode = await sealed(passCode);
      const input = { identifier, sealedPassCode, participantNumber, authenticationCode, classificationId, classificationName: classification?.name ?? null };
      return issueToken(db, input, now());
    }

    /** A stock token, with an identifier and pass code only when the operator gave them. */
    async function handOut(definition: AccessTokenDefinition): Promise<TokenRow | null> {
      const { stockLocalId } = get();
      const stock = stockLocalId === null ? (await stockOnHand(db, 1))[0] : await db.tokens.get(stockLocalId);
      if (!stock) throw new LocalChangeError('Pick a stock token to hand out.');
      const { identifier, passCode } = typed();
      if (identifier === null && passCode === null) return handOutStock(db, stock.localId, null, now());
      const errors = identityErrors(definition, identifier, passCode, stock.authenticationCode);
      // Without errors, both are given (a pass code alone, or an identifier alone, is an error).
      if (hasErrors(errors) || identifier === null) {
        set({ errors });
        return null;
      }
      const sealedPassCode = (await sealed(passCode)) ?? '';
      return handOutStock(db, stock.localId, { identifier, sealedPassCode }, now());
    }

    return {
      mode: 'new',
      fields: EMPTY,
      stockLocalId: null,
      passCodeGenerated: false,
      errors: {},
      formError: null,
      submitting: false,
      issued: null,
      setMode: (mode) => set({ mode, errors: {}, formError: null }),
      setField: (field, value) =>
        set((state) => ({
          fields: { ...state.fields, [field]: value },
          passCodeGenerated: field === 'passCode' ? false : state.passCodeGenerated,
        })),
      setStockToken: (stockLocalId) => set({ stockLocalId, formError: null }),
      generate: async (field) => {
        const definition = await readDefinition(db);
        const value = generateFieldValue(definition[field], random);
        set((state) => ({
          fields: { ...state.fields, [field]: value },
          passCodeGenerated: field === 'passCode' ? true : state.passCodeGenerated,
          errors: withoutKey(state.errors, field),
        }));
      },
      submit: async () => {
        if (get().submitting) return false;
        set({ submitting: true, formError: null, errors: {}, issued: null });
        try {
          const definition = await readDefinition(db);
          const issued = get().mode === 'stock' ? await handOut(definition) : await issueNew(definition);
          if (!issued) return false;
          set({ issued, fields: EMPTY, passCodeGenerated: false, stockLocalId: null });
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
      newForm: () => set((state) => ({ issued: null, errors: {}, formError: null, mode: state.issued ? 'new' : state.mode })),
    };
  });
}
