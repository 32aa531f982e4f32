import { MANAGER_ONLY, type Approval, type NewOperator, type OperatorRef, type OperatorsView, type OperatorSummary, type SignIn } from '../../shared/ipc/contract';
import type { ManagerTask } from '../../shared/ipc/mainWords';
import type { IpcCaller } from '../ipc/router';
import { OperatorError, type OperatorStore } from './operatorStore';

interface Session {
  operatorId: string;
  locked: boolean;
}

const APPROVAL_WORDS: Record<Approval, string> = {
  discardChange: 'discard a refused change',
  importDefinition: 'import an access token definition',
  counterSettings: 'change this counter’s settings',
};

const ref = (operator: OperatorSummary): OperatorRef => ({ id: operator.id, name: operator.name });

/**
 * Who is signed in at each window, and the role gate: main decides what a window's operator may do,
 * from the sign-in it checked itself, never from anything the renderer says.
 */
export class OperatorSessions {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly store: OperatorStore) {}

  async view(caller: IpcCaller): Promise<OperatorsView> {
    const { operators, damage } = await this.store.list();
    const session = this.sessions.get(caller.window);
    const operator = session ? operators.find((candidate) => candidate.id === session.operatorId) : undefined;
    if (session && !operator) this.sessions.delete(caller.window);
    return { operators, session: operator && session ? { operator, locked: session.locked } : null, damage };
  }

  async createFirstManager(caller: IpcCaller, name: string, pin: string): Promise<OperatorsView> {
    const manager = await this.store.createFirstManager(name, pin);
    this.sessions.set(caller.window, { operatorId: manager.id, locked: false });
    return this.view(caller);
  }

  /** Signs in, unlocks or switches operator: whoever proves who they are takes this window. */
  async signIn(caller: IpcCaller, proof: SignIn): Promise<OperatorsView> {
    const operator = 'badge' in proof ? await this.store.checkBadge(proof.badge) : await this.store.checkPin(proof.operatorId, proof.pin);
    this.sessions.set(caller.window, { operatorId: operator.id, locked: false });
    return this.view(caller);
  }

  async lock(caller: IpcCaller): Promise<OperatorsView> {
    const session = this.sessions.get(caller.window);
    if (session) session.locked = true;
    return this.view(caller);
  }

  async signOut(caller: IpcCaller): Promise<OperatorsView> {
    this.forget(caller);
    return this.view(caller);
  }

  /** The window closed: its sign-in goes with it. */
  forget(caller: IpcCaller): void {
    this.sessions.delete(caller.window);
  }

  async add(caller: IpcCaller, input: NewOperator): Promise<OperatorsView> {
    await this.store.add(input);
    return this.view(caller);
  }

  /** The removed operator's windows are signed out. */
  async remove(caller: IpcCaller, operatorId: string): Promise<OperatorsView> {
    await this.store.remove(operatorId);
    for (const [window, session] of this.sessions) if (session.operatorId === operatorId) this.sessions.delete(window);
    return this.view(caller);
  }

  async reset(caller: IpcCaller, operatorId: string, pin: string, badge: string | null | undefined): Promise<OperatorsView> {
    await this.store.reset(operatorId, pin, badge);
    return this.view(caller);
  }

  /** The signed-in, unlocked operator of this window, or why there is none. */
  async current(caller: IpcCaller): Promise<OperatorSummary | OperatorError> {
    const session = this.sessions.get(caller.window);
    if (!session) return new OperatorError({ code: 'notSignedIn' }, 'Nobody is signed in at this window. Sign in first.');
    if (session.locked) return new OperatorError({ code: 'screenLocked' }, 'The screen is locked. Sign in again first.');
    return (await this.store.find(session.operatorId)) ?? new OperatorError({ code: 'signedInRemoved' }, 'The signed-in operator was removed. Sign in again.');
  }

  /** Why this window may not do `task` (a manager's); null when its operator is a signed-in manager. */
  async refusal(caller: IpcCaller, task: ManagerTask): Promise<OperatorError | null> {
    const operator = await this.current(caller);
    if (operator instanceof OperatorError) return operator;
    if (operator.role === 'manager') return null;
    return new OperatorError({ code: 'managerOnly', task }, `Only a manager can ${MANAGER_ONLY[task]}. Ask a manager to sign in, or to approve it.`);
  }

  /**
   * A manager's task done at this window: by its manager, or by its clerk with a manager's PIN given on
   * the spot. Answers both names for the audit.
   */
  async authorize(caller: IpcCaller, action: Approval, manager?: { operatorId: string; pin: string }): Promise<{ operator: OperatorRef; approvedBy: OperatorRef | null }> {
    const operator = await this.current(caller);
    if (operator instanceof OperatorError) throw operator;
    if (!manager) {
      if (operator.role === 'manager') return { operator: ref(operator), approvedBy: null };
      throw new OperatorError({ code: 'needsApproval', action }, `Only a manager can ${APPROVAL_WORDS[action]}. Ask a manager to approve it with their PIN.`);
    }
    const approver = await this.store.checkPin(manager.operatorId, manager.pin);
    if (approver.role !== 'manager') throw new OperatorError({ code: 'notAManager', name: approver.name }, `${approver.name} is not a manager, so cannot approve this.`);
    return { operator: ref(operator), approvedBy: ref(approver) };
  }
}
