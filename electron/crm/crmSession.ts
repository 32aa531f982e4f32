import type { CrmClient, CrmCredentials } from './crmClient';
import { isCrmError } from './crmError';

/** Told of each login's outcome (for the log); never given the credentials or the session token. */
export type LoginObserver = (outcome: { ok: true; username: string } | { ok: false; username: string; error: unknown }) => void;

/**
 * Holds one CRM session token. Logs in on first use and again, once, when the
 * CRM says the token expired; the call that hit the expiry is then repeated,
 * which is safe because the CRM refused it before doing anything.
 */
export class CrmSession {
  private token: string | null = null;
  private loggingIn: Promise<string> | null = null;

  constructor(
    readonly client: CrmClient,
    private readonly credentials: CrmCredentials,
    private readonly onLogin: LoginObserver = () => undefined,
  ) {}

  /** Log in unless a session is already held. */
  async open(): Promise<string> {
    return this.token ?? this.login();
  }

  async call<T>(work: (client: CrmClient, token: string) => Promise<T>): Promise<T> {
    const token = await this.open();
    try {
      return await work(this.client, token);
    } catch (error) {
      if (!isCrmError(error, 'session')) throw error;
      this.forget(token);
      return work(this.client, await this.open());
    }
  }

  async close(): Promise<void> {
    const token = this.token;
    this.token = null;
    if (token !== null) await this.client.release(token);
  }

  private forget(token: string): void {
    if (this.token === token) this.token = null;
  }

  /** Concurrent callers share one login. */
  private login(): Promise<string> {
    this.loggingIn ??= this.client
      .login(this.credentials)
      .then(
        (token) => {
          this.token = token;
          this.onLogin({ ok: true, username: this.credentials.username });
          return token;
        },
        (error: unknown) => {
          this.onLogin({ ok: false, username: this.credentials.username, error });
          throw error;
        },
      )
      .finally(() => {
        this.loggingIn = null;
      });
    return this.loggingIn;
  }
}
