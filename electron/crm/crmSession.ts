import type { CrmClient, CrmCredentials } from './crmClient';
import { isCrmError } from './crmError';
import { sessionExpiry } from './sessionExpiry';

/** Told of each login's outcome (for the log); never given the credentials or the session token. */
export type LoginObserver = (outcome: { ok: true; username: string } | { ok: false; username: string; error: unknown }) => void;

export interface CrmSessionOptions {
  /** Runs once, after the first successful login (calibration); its failure never fails the login. */
  afterFirstLogin?: (client: CrmClient, token: string) => Promise<void>;
  /** token/release is deprecated from R12: its failure is reported here, never raised. */
  onReleaseFailed?: (error: unknown) => void;
  now?: () => number;
}

/** A JWT session (R12+) is renewed this long before its `exp`. */
export const RENEW_BEFORE_EXPIRY_MS = 5 * 60_000;

/**
 * Holds one CRM session token. Logs in on first use, before a JWT's `exp`,
 * and again, once, when the CRM answers with its recognised "invalid session";
 * the call that hit the expiry is then repeated, which is safe because the CRM
 * refused it before doing anything.
 */
export class CrmSession {
  private token: string | null = null;
  private expiresAt: number | null = null;
  private loggingIn: Promise<string> | null = null;
  private firstLogin = true;
  private readonly now: () => number;

  constructor(
    readonly client: CrmClient,
    private readonly credentials: CrmCredentials,
    private readonly onLogin: LoginObserver = () => undefined,
    private readonly options: CrmSessionOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Log in unless a session is held that is not about to expire. */
  async open(): Promise<string> {
    if (this.token !== null && this.expiresAt !== null && this.now() >= this.expiresAt - RENEW_BEFORE_EXPIRY_MS) this.token = null;
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

  /** Releases the session; a failure (deprecated from R12) is reported, not raised. */
  async close(): Promise<void> {
    const token = this.token;
    this.token = null;
    if (token === null) return;
    try {
      await this.client.release(token);
    } catch (error) {
      this.options.onReleaseFailed?.(error);
    }
  }

  private forget(token: string): void {
    if (this.token === token) this.token = null;
  }

  /** Concurrent callers share one login. */
  private login(): Promise<string> {
    this.loggingIn ??= this.client
      .login(this.credentials)
      .then(
        async (token) => {
          this.token = token;
          this.expiresAt = sessionExpiry(token);
          this.onLogin({ ok: true, username: this.credentials.username });
          if (this.firstLogin) {
            this.firstLogin = false;
            await this.options.afterFirstLogin?.(this.client, token).catch(() => undefined);
          }
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
