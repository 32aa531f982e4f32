import { randomBytes } from 'node:crypto';
import { CrmCode } from '../../shared/crm/statusCodes';
import { fail } from './simErrors';
import type { SimData, SimUnit, SimUser } from './simData';

/** Who is logged in behind a session token. */
export interface Session {
  readonly user: SimUser;
  readonly unit: SimUnit | null;
}

export interface LoginInput {
  username: string;
  password: string;
  organisation: string;
  /** Assumed: a unit is named by its id, name or alternative code. */
  unit: string | undefined;
}

interface LiveSession extends Session {
  lastUsed: number;
}

/** Session tokens: issued at login, valid until released, expired or idle for longer than idleMs. */
export class SessionStore {
  private readonly live = new Map<string, LiveSession>();

  constructor(
    private readonly data: SimData,
    private readonly idleMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  login(input: LoginInput): string {
    const user = this.data.users.find(
      (u) => u.username === input.username && u.password === input.password && u.organisation === input.organisation,
    );
    if (!user) return fail(CrmCode.invalidCredentials, 'The username, password or organisation is wrong.');
    const unit = this.unitFor(user, input.unit);
    const token = randomBytes(16).toString('hex').toUpperCase();
    this.live.set(token, { user, unit, lastUsed: this.now() });
    return token;
  }

  /** The session behind a token, touched so its idle time starts again. */
  use(token: unknown): Session {
    const session = typeof token === 'string' ? this.live.get(token) : undefined;
    if (typeof token !== 'string' || !session) return fail(CrmCode.invalidToken, 'The token is unknown or has expired; log in again.');
    if (this.now() - session.lastUsed > this.idleMs) {
      this.live.delete(token);
      return fail(CrmCode.invalidToken, 'The token has expired after being idle; log in again.');
    }
    session.lastUsed = this.now();
    return session;
  }

  release(token: string): void {
    this.live.delete(token);
  }

  expireAll(): void {
    this.live.clear();
  }

  private unitFor(user: SimUser, wanted: string | undefined): SimUnit | null {
    const units = user.unit_ids
      .map((id) => this.data.units.find((u) => u.id === id))
      .filter((u): u is SimUnit => u !== undefined);
    if (wanted === undefined) return units[0] ?? null;
    const unit = units.find((u) => u.id === wanted || u.name === wanted || u.alternative_code === wanted);
    return unit ?? fail(CrmCode.invalidCredentials, `The user ${user.username} cannot log in to unit ${wanted}.`);
  }
}
