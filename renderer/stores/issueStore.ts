import { createStore, type StoreApi } from 'zustand/vanilla';
import type { TokenDeskApi } from '../../shared/ipc/tokenDeskApi';
import { checkNewToken, hasErrors } from '../../shared/token/definition';
import { generateFieldValue, type RandomSource } from '../../shared/token/generate';
import type { TokenDeskDatabase } from '../db/database';
import { issueToken, LocalChangeError } from '../db/localChanges';
import { readDefinition } from '../db/meta';
import type { TokenRow } from '../db/rows';
import { errorMessage } from '../errors';

export interface IssueFields {
  identifier: string;
  passCode: string;
  participantNumber: string;
}
export type IssueField = keyof IssueFields;
export type IssueFieldErrors = Partial<Record<IssueField, string>>;

export interface IssueState {
  fields: IssueFields;
  /** The pass code on screen was generated, so the operator must read it out to the customer. */
  passCodeGenerated: boolean;
  errors: IssueFieldErrors;
  formError: string | null;
  submitting: boolean;
  /** The token the last successful submit created. */
  issued: TokenRow | null;
  setField: (field: IssueField, value: string) => void;
  /** Fills the identifier or the pass code from the active definition's rule. */
  generate: (field: 'identifier' | 'passCode') => Promise<void>;
  /** Validates, seals the pass code, then issues locally; true when a token was queued. */
  submit: () => Promise<boolean>;
}

export interface IssueDeps {
  db: TokenDeskDatabase;
  api: Pick<TokenDeskApi, 'sealSecret'>;
  random: RandomSource;
  now: () => number;
}

const EMPTY: IssueFields = { identifier: '', passCode: '', participantNumber: '' };
const MAX_PARTICIPANT_NUMBER = 64;

function withoutKey(errors: IssueFieldErrors, field: IssueField): IssueFieldErrors {
  const rest = { ...errors };
  delete rest[field];
  return rest;
}

const orNull = (value: string): string | null => (value === '' ? null : value);

export function createIssueStore({ db, api, random, now }: IssueDeps): StoreApi<IssueState> {
  return createStore<IssueState>()((set, get) => {
    async function sealed(passCode: string | null): Promise<string | null> {
      return passCode === null ? null : (await api.sealSecret({ plaintext: passCode })).sealed;
    }

    return {
      fields: EMPTY,
      passCodeGenerated: false,
      errors: {},
      formError: null,
      submitting: false,
      issued: null,
      setField: (field, value) =>
        set((state) => ({
          fields: { ...state.fields, [field]: value },
          passCodeGenerated: field === 'passCode' ? false : state.passCodeGenerated,
        })),
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
          const { fields } = get();
          const identifier = orNull(fields.identifier.trim());
          const passCode = orNull(fields.passCode);
          const participantNumber = orNull(fields.participantNumber.trim());
          const definition = await readDefinition(db);
          const authenticationCode = generateFieldValue(definition.authenticationCode, random);
          const { authenticationCode: codeError, ...errors } = checkNewToken(definition, { identifier, passCode, authenticationCode });
          const fieldErrors: IssueFieldErrors = errors;
          if (participantNumber !== null && participantNumber.length > MAX_PARTICIPANT_NUMBER) {
            fieldErrors.participantNumber = `Participant number must be at most ${MAX_PARTICIPANT_NUMBER} characters.`;
          }
          if (codeError) throw new Error(`The generated authentication code breaks the definition: ${codeError}`);
          if (hasErrors(fieldErrors)) {
            set({ errors: fieldErrors });
            return false;
          }
          const sealedPassCode = await sealed(passCode);
          const issued = await issueToken(db, { identifier, sealedPassCode, participantNumber, authenticationCode }, now());
          set({ issued, fields: EMPTY, passCodeGenerated: false });
          return true;
        } catch (error) {
          if (error instanceof LocalChangeError && error.field === 'identifier') set({ errors: { identifier: error.message } });
          else set({ formError: errorMessage(error) });
          return false;
        } finally {
          set({ submitting: false });
        }
      },
    };
  });
}
