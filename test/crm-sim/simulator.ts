import { loadDemoData, type SimData } from './simData';
import { createControlHandler, type ControlState, type ControlTarget } from './simControl';
import { createApiHandler, type ApiCall } from './simHttp';
import { Listener } from './simListener';
import { PROFILES, type SimDialectName, type SimProfile, type SimProfileName } from './simProfile';
import { routesFor, type Crm } from './simRoutes';
import { JWT_LIFETIME_MS, SessionStore } from './simSessions';
import { SimState, withoutPassCode, type SimTokenRecord } from './simState';
import { parseSwitchesPatch, SwitchBoard, type SimSwitches } from './simSwitches';

export type { SimData } from './simData';
export type { SimTokenRecord } from './simState';
export type { SimSwitches } from './simSwitches';
export type { SimDialectName, SimProfileName } from './simProfile';

export interface CrmSimOptions {
  /** 0 = pick a free port (the default). */
  port?: number;
  /** 0 = pick a free port (the default). */
  controlPort?: number;
  /** Default: demo-data.json. */
  data?: SimData;
  switches?: Partial<SimSwitches>;
  /** Sessions expire after this long unused; default 1 hour. */
  sessionIdleMs?: number;
  /** The CRM.COM release whose reply shapes it plays; default r5 (the seed's). */
  profile?: SimProfileName;
  /** guessed (default) or renamed: every error code renamed and sent with a 4xx status. */
  dialect?: SimDialectName;
  /** Methods this server lacks, e.g. the set_as_* methods before R13.1. */
  missingMethods?: readonly string[];
  /** The definition makes its own authentication codes and ignores the one sent. */
  generatesCodes?: boolean;
  /** The clock sessions run on (JWT exp, idle hour); default Date.now. */
  now?: () => number;
}

export interface CrmSim {
  /** "http://127.0.0.1:PORT": the server root; the API is under url + "/crmapi/rest/v2/". */
  readonly url: string;
  readonly port: number;
  readonly controlUrl: string;
  /** Listen again on the same port (no-op if listening); same as setSwitches({ refuseConnections: false }). */
  start(): Promise<void>;
  /** Close the API listener (connections refused), state kept; same as setSwitches({ refuseConnections: true }). */
  stop(): Promise<void>;
  /** Close both listeners for good. */
  close(): Promise<void>;
  setSwitches(patch: Partial<SimSwitches>): Promise<void>;
  switches(): SimSwitches;
  /** Every issued session token becomes invalid. */
  expireSessions(): void;
  /** A snapshot copy. */
  tokens(): SimTokenRecord[];
  /** The release it plays; its token numbers on the wire are profile.tokenNumber(record.number). */
  readonly profile: SimProfile;
  /** Every API request received (failed and dropped ones included). */
  calls(): ReadonlyArray<{ method: string; path: string; at: number }>;
  /** The code the CRM sent the customer of a pending token (what the customer reads out at the counter), or null. */
  verificationCode(authenticationCode: string): string | null;
}

const ONE_HOUR_MS = 3_600_000;

class RunningSim implements CrmSim, ControlTarget {
  private readonly log: ApiCall[] = [];
  private listenerOps: Promise<void> = Promise.resolve();
  private closed = false;
  readonly api: Listener;
  readonly control: Listener;

  constructor(
    private readonly crm: Crm,
    private readonly board: SwitchBoard,
    ports: { api: number; control: number },
  ) {
    this.api = new Listener(createApiHandler({ crm, switches: board, record: (call) => this.log.push(call) }), ports.api);
    this.control = new Listener(createControlHandler(this), ports.control);
  }

  get profile(): SimProfile {
    return this.crm.profile;
  }

  get url(): string {
    return this.api.url;
  }

  get port(): number {
    return this.api.port;
  }

  get controlUrl(): string {
    return this.control.url;
  }

  start(): Promise<void> {
    return this.setSwitches({ refuseConnections: false });
  }

  stop(): Promise<void> {
    return this.setSwitches({ refuseConnections: true });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.inOrder(() => this.api.stop());
    await this.control.stop();
  }

  async setSwitches(patch: Partial<SimSwitches>): Promise<void> {
    const { refuseConnections, ...counters } = parseSwitchesPatch(patch);
    this.board.apply(counters);
    if (refuseConnections === undefined) return;
    if (!refuseConnections && this.closed) throw new Error('The simulator is closed; start a new one.');
    await this.inOrder(() => (refuseConnections ? this.api.stop() : this.api.start()));
    this.board.apply({ refuseConnections });
  }

  switches(): SimSwitches {
    return this.board.current();
  }

  expireSessions(): void {
    this.crm.sessions.expireAll();
  }

  tokens(): SimTokenRecord[] {
    return this.crm.state.records();
  }

  calls(): ReadonlyArray<ApiCall> {
    return this.log.map((call) => ({ ...call }));
  }

  verificationCode(authenticationCode: string): string | null {
    const token = this.tokens().find((t) => t.authentication_code === authenticationCode);
    return token ? this.crm.state.verificationCodeOf(token) : null;
  }

  controlState(): ControlState {
    return { switches: this.switches(), tokens: this.tokens().map(withoutPassCode), listening: this.api.listening };
  }

  /** Listener opens and closes run one after another, never interleaved. */
  private inOrder(operation: () => Promise<void>): Promise<void> {
    const next = this.listenerOps.then(operation);
    this.listenerOps = next.catch(() => undefined);
    return next;
  }
}

/** R9+ data: two pending-verification tokens in the stock and one held by the first participant. */
function seedPending(state: SimState): void {
  const actor = { userId: state.directory.firstUser.id, unitId: state.directory.firstUser.unit_ids[0] ?? null };
  state.addPending(actor, 2, null);
  state.addPending(actor, 1, state.directory.participants[0] ?? null);
}

/** Starts the CRM.COM V4 simulator on 127.0.0.1: the API listener and the control listener. */
export async function startCrmSim(options: CrmSimOptions = {}): Promise<CrmSim> {
  const data = structuredClone(options.data ?? loadDemoData());
  const profile = PROFILES[options.profile ?? 'r5'];
  const sessions = new SessionStore(data, options.sessionIdleMs ?? ONE_HOUR_MS, options.now, profile.jwtSessions ? JWT_LIFETIME_MS : null);
  const state = new SimState(data);
  if (profile.pendingTokens) seedPending(state);
  const crm: Crm = { state, sessions, profile, dialect: options.dialect ?? 'guessed', routes: routesFor(profile, options.missingMethods), generatesCodes: options.generatesCodes ?? false };
  const board = new SwitchBoard(options.switches);
  const sim = new RunningSim(crm, board, { api: options.port ?? 0, control: options.controlPort ?? 0 });
  const refuse = board.current().refuseConnections;
  if (!refuse || sim.api.port === 0) await sim.api.start();
  try {
    await sim.control.start();
  } catch (error) {
    await sim.api.stop();
    throw error;
  }
  if (refuse) await sim.api.stop();
  return sim;
}
