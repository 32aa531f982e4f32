import type { CrmSession } from '../crm/crmSession';
import type { SyncProgress } from '../../shared/ipc/contract';
import type { CrmConnection, SettingsFile } from '../settings/settingsFile';
import type { OpenSession } from '../sync/crmAccess';
import { pacedProgress } from '../sync/progressPace';
import { Upstream } from '../sync/upstream';
import type { TrainingMode } from './trainingMode';

type Target = 'real' | 'training';

/**
 * Where the app's CRM calls go: the configured CRM, or the training simulator. Each has its own
 * session and its own upstream, so a push started for one can never continue against the other.
 */
export class CrmTargets {
  private readonly sessions: Record<Target, Promise<CrmSession> | null> = { real: null, training: null };
  private readonly upstreams: Record<Target, Upstream>;

  constructor(
    private readonly deps: {
      settings: SettingsFile;
      training: TrainingMode;
      newSession: (connection: CrmConnection) => Promise<CrmSession>;
      onProgress: (progress: SyncProgress) => void;
    },
  ) {
    // Each its own pace: a held change of one is never dropped for the other's.
    this.upstreams = { real: new Upstream(pacedProgress(deps.onProgress)), training: new Upstream(pacedProgress(deps.onProgress)) };
  }

  /** The session of the real CRM (`training` false) or of the simulator; null when no CRM is configured. */
  session(training: boolean): OpenSession {
    const target: Target = training ? 'training' : 'real';
    return async () => {
      const existing = this.sessions[target];
      if (existing) return existing;
      const connection = training ? await this.deps.training.connection() : await this.deps.settings.connection();
      if (!connection) return null;
      const session = this.deps.newSession(connection);
      this.sessions[target] = session;
      // A session that could not be made is not kept: the next call tries again.
      session.catch(() => {
        if (this.sessions[target] === session) this.sessions[target] = null;
      });
      return session;
    };
  }

  /** The session of whichever CRM the app works with now. */
  current(): OpenSession {
    return () => this.session(this.deps.training.isOn())();
  }

  upstream(training: boolean): Upstream {
    return this.upstreams[training ? 'training' : 'real'];
  }

  currentUpstream(): Upstream {
    return this.upstream(this.deps.training.isOn());
  }

  /** Forgets a session (after its settings changed, or the simulator stopped); the next call signs in again. */
  drop(training: boolean): void {
    const target: Target = training ? 'training' : 'real';
    const old = this.sessions[target];
    this.sessions[target] = null;
    void old?.then((session) => session.close()).catch(() => undefined);
  }

  /** Waits for both pushes in flight, if any. */
  async idle(): Promise<void> {
    await Promise.all([this.upstreams.real.idle(), this.upstreams.training.idle()]);
  }
}
