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
  /** A JWT's `exp`, in epoch ms; null for the classic idle-hour token. */
  expiresAt: number | null;
}

/** R12+: a JWT whose payload has jti, usr, org, oun, exp, iat (FIDELITY.md §2 #12). The signature is random: nobody checks it but this store. */
function jwt(user: SimUser, unit: SimUnit | null, now: number, lifetimeMs: number): { token: string; expiresAt: number } {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const iat = Math.floor(now / 1000);
  const exp = iat + Math.floor(lifetimeMs / 1000);
  const payload = { jti: randomBytes(8).toString('hex'), usr: user.username, org: user.organisation, oun: unit?.id ?? null, exp, iat };
  return { token: `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}.${randomBytes(32).toString('base64url')}`, expiresAt: exp * 1000 };
}

/** Before R12 a session lasts one idle hour; from R12 a JWT lasts two hours. */
export const JWT_LIFETIME_MS = 2 * 3_600_000;

/** Session tokens: issued at login, valid until released, expired or idle for longer than idleMs. */
export class SessionStore {
  private readonly live = new Map<string, LiveSession>();

  constructor(
    private readonly data: SimData,
    private readonly idleMs: number,
    private readonly now: () => number = Date.now,
    private readonly jwtLifetimeMs: number | null = null,
  ) {}

  login(input: LoginInput): string {
    const user = this.data.users.find(
      (u) => u.username === input.username && u.password === input.password && u.organisation === input.organisation,
    );
    if (!user) return fail(CrmCode.invalidCredentials, 'The username, password or organisation is wrong.');
    const unit = this.unitFor(user, input.unit);
    if (this.jwtLifetimeMs !== null) {
      const { token, expiresAt } = jwt(user, unit, this.now(), this.jwtLifetimeMs);
      this.live.set(token, { user, unit, lastUsed: this.now(), expiresAt });
      return token;
    }
    const token = randomBytes(16).toString('hex').toUpperCase();
    this.live.set(token, { user, unit, lastUsed: this.now(), expiresAt: null });
    return token;
  }

  /** The session behind a token, touched so its idle time starts again. */
  use(token: unknown): Session {
    const session = typeof token === 'string' ? this.live.get(token) : undefined;
    if (typeof token !== 'string' || !session) return fail(CrmCode.invalidToken, 'The token is unknown or has expired; log in again.');
    if (session.expiresAt !== null && this.now() >= session.expiresAt) {
      this.live.delete(token);
      return fail(CrmCode.invalidToken, 'The token has expired; log in again.');
    }
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
