import type { TrainingFaults, TrainingView } from '../../shared/ipc/contract';
import type { CrmConnection } from '../settings/settingsFile';
import { WordedError } from '../wordedError';

/** The simulator's switches that training mode uses (a subset of the CRM simulator's). */
export interface TrainingSwitches {
  refuseConnections: boolean;
  dropNextReplies: number;
  failNext: number;
}

/** A CRM simulator running in this process on loopback, as training mode needs it. */
export interface TrainingSimulator {
  /** The server root, e.g. http://127.0.0.1:PORT. */
  readonly url: string;
  setSwitches(patch: Partial<TrainingSwitches>): Promise<void>;
  switches(): TrainingSwitches;
  close(): Promise<void>;
}

export type StartTrainingSimulator = () => Promise<TrainingSimulator>;

/** The simulator's demo login. */
export const TRAINING_CREDENTIALS = { username: 'demo', password: 'demo', organisation: 'DEMO' } as const;

/**
 * Training mode as main sees it: an on/off flag and, while on, the CRM simulator in this process.
 * It lasts until switched off or the app quits (the simulator keeps its data in memory only, so each
 * training session starts from the demo data). Nothing here knows the real CRM: training work only
 * ever reaches `connection()`.
 */
export class TrainingMode {
  private on = false;
  private simulator: Promise<TrainingSimulator> | null = null;

  constructor(private readonly options: { start: StartTrainingSimulator }) {}

  isOn(): boolean {
    return this.on;
  }

  async view(): Promise<TrainingView> {
    if (!this.on) return { on: false, faults: null };
    return { on: true, faults: faultsOf((await this.running()).switches()) };
  }

  /**
   * `beforeSwitch` runs before the flag changes (main waits for pushes there). Who may switch is the
   * router's role gate (a manager only: MANAGER_ONLY in the contract).
   */
  async set(on: boolean, beforeSwitch: () => Promise<void>): Promise<TrainingView> {
    if (this.on === on) return this.view();
    await beforeSwitch();
    // The simulator runs before the mode says training: a simulator that cannot start leaves real work as it was.
    if (on) await this.startSimulator();
    this.on = on;
    if (!on) await this.stopSimulator();
    return this.view();
  }

  /** The simulator's address and demo login; throws when training mode is off. */
  async connection(): Promise<CrmConnection> {
    const simulator = await this.running();
    return { serverUrl: simulator.url, origin: new URL(simulator.url).origin, credentials: { ...TRAINING_CREDENTIALS } };
  }

  async setSwitches(patch: Partial<TrainingSwitches>): Promise<void> {
    await (await this.running()).setSwitches(patch);
  }

  async switches(): Promise<TrainingSwitches> {
    return (await this.running()).switches();
  }

  dispose(): Promise<void> {
    return this.stopSimulator();
  }

  private running(): Promise<TrainingSimulator> {
    if (!this.on) return Promise.reject(new WordedError({ code: 'trainingOff' }, 'Training mode is off: switch it on in Settings first.'));
    return this.startSimulator();
  }

  /** The running simulator, started once; a failed start is forgotten so the next call tries again. */
  private startSimulator(): Promise<TrainingSimulator> {
    const starting = (this.simulator ??= this.options.start());
    starting.catch(() => {
      if (this.simulator === starting) this.simulator = null;
    });
    return starting;
  }

  private async stopSimulator(): Promise<void> {
    const simulator = this.simulator;
    this.simulator = null;
    await (await simulator?.catch(() => null))?.close();
  }
}

function faultsOf(switches: TrainingSwitches): TrainingFaults {
  return { offline: switches.refuseConnections, lostReplies: switches.dropNextReplies, failures: switches.failNext };
}
