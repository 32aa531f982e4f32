import { createStore, type StoreApi } from 'zustand/vanilla';
import type { NewOperator, OperatorRef, OperatorsView, OperatorSummary, SignIn } from '../../shared/ipc/contract';
import type { TokenDeskApi } from '../../shared/ipc/tokenDeskApi';
import type { TokenDeskDatabase } from '../storage/database';
import { errorMessage } from '../errors';

type OperatorApi = Pick<
  TokenDeskApi,
  'getOperators' | 'createFirstManager' | 'signIn' | 'lockScreen' | 'signOut' | 'addOperator' | 'removeOperator' | 'resetOperator'
>;

export interface OperatorState {
  /** What main said last: the operators and this window's sign-in. null until first asked. */
  view: OperatorsView | null;
  /** Why main could not be asked at all. */
  loadError: string | null;
  load: () => Promise<void>;
  createFirstManager: (name: string, pin: string) => Promise<void>;
  signIn: (proof: SignIn) => Promise<void>;
  lock: () => Promise<void>;
  /** "Switch operator": this window signs out and shows the sign-in. */
  signOut: () => Promise<void>;
  addOperator: (input: NewOperator) => Promise<void>;
  removeOperator: (operatorId: string) => Promise<void>;
  resetOperator: (operatorId: string, pin: string, badge?: string | null) => Promise<void>;
}

/** The signed-in operator (locked or not), or null. */
export const signedIn = (state: Pick<OperatorState, 'view'>): OperatorSummary | null => state.view?.session?.operator ?? null;

function actorOf(view: OperatorsView | null): OperatorRef | null {
  const operator = view?.session?.operator;
  return operator ? { id: operator.id, name: operator.name } : null;
}

/** A signed-in, unlocked manager is at this window. */
export const isManager = (state: Pick<OperatorState, 'view'>): boolean => state.view?.session?.locked === false && signedIn(state)?.role === 'manager';

/**
 * This window's sign-in as main keeps it. Every answer from main replaces the view and names the
 * operator on this connection's audit rows: only main's sign-in does, never anything typed here.
 */
export function createOperatorStore(db: TokenDeskDatabase, api: OperatorApi, initial: OperatorsView | null = null): StoreApi<OperatorState> {
  const store = createStore<OperatorState>()((set) => {
    const apply = (view: OperatorsView) => {
      db.actor = { ...db.actor, operator: actorOf(view) };
      set({ view, loadError: null });
    };
    const then = (ask: Promise<OperatorsView>) => ask.then(apply);
    return {
      view: null,
      loadError: null,
      load: async () => {
        try {
          apply(await api.getOperators({}));
        } catch (error) {
          set({ loadError: errorMessage(error) });
        }
      },
      createFirstManager: (name, pin) => then(api.createFirstManager({ name, pin })),
      signIn: (proof) => then(api.signIn(proof)),
      // A lock main cannot record still locks this screen: the next sign-in goes to main either way.
      lock: () =>
        then(api.lockScreen({})).catch(() =>
          set((state) => ({ view: state.view?.session ? { ...state.view, session: { ...state.view.session, locked: true } } : state.view })),
        ),
      signOut: () => then(api.signOut({})),
      addOperator: (input) => then(api.addOperator(input)),
      removeOperator: (operatorId) => then(api.removeOperator({ operatorId })),
      resetOperator: (operatorId, pin, badge) => then(api.resetOperator({ operatorId, pin, ...(badge === undefined ? {} : { badge }) })),
    };
  });
  if (initial) store.setState({ view: initial }, false);
  db.actor = { ...db.actor, operator: actorOf(initial) };
  return store;
}
