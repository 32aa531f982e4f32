import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { roleSchema, type NewOperator, type OperatorSummary, type Role } from '../../shared/ipc/contract';
import type { MainWords } from '../../shared/ipc/mainWords';
import { writeFileAtomic } from '../fs/atomicFile';
import { WordedError } from '../wordedError';
import { hashSecret, matchesHash, newSalt, sameHash, secretHashSchema, type SecretHash } from './secretHash';

const operatorRecordSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  role: roleSchema,
  pin: secretHashSchema,
  badge: secretHashSchema.nullable(),
  /** Wrong PINs in a row since the last right one or lockout. */
  failures: z.number().int().min(0),
  lockedUntil: z.number().int().min(0),
});
type OperatorRecord = z.infer<typeof operatorRecordSchema>;

const storedOperatorsSchema = z.object({
  version: z.literal(1),
  /**
   * Badges share one salt per counter, so a scan is hashed once and compared with every badge; they
   * are long machine codes, not guessable PINs, so a salt per counter is enough to stop precomputation.
   */
  badgeSalt: z.string().min(1),
  operators: z.array(operatorRecordSchema),
});
type StoredOperators = z.infer<typeof storedOperatorsSchema>;

export interface SignInPolicy {
  /** Wrong PINs in a row before that operator is locked. */
  maxFailures: number;
  lockoutMs: number;
  /** Every wrong PIN or unknown badge is answered no sooner than this. */
  wrongDelayMs: number;
}

export const DEFAULT_POLICY: SignInPolicy = { maxFailures: 5, lockoutMs: 5 * 60_000, wrongDelayMs: 1_000 };

export interface OperatorStoreOptions {
  now?: () => number;
  /** How the slow answer waits; tests pass one that returns at once and records the wait. */
  sleep?: (ms: number) => Promise<void>;
  policy?: Partial<SignInPolicy>;
}

/** A refusal in words for the operator at the counter (wrong PIN, locked, unknown badge, a rule broken). */
export class OperatorError extends WordedError {
  constructor(words: MainWords, message: string) {
    super(words, message);
    this.name = 'OperatorError';
  }
}

const DAMAGED = (path: string) =>
  `The operators file ${path} is damaged, so nobody can sign in. Restore it from a backup, or delete it to create the first manager again.`;

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/**
 * The counter's operators, in a JSON file of main's, written whole or not at all. PINs and badge codes
 * are kept only as scrypt hashes. A wrong PIN is answered slowly, and repeated wrong PINs lock that
 * operator for a while (kept in the file, so a restart does not lift it).
 */
export class OperatorStore {
  private loaded: Promise<StoredOperators | null> | null = null;
  private writes: Promise<unknown> = Promise.resolve();
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly policy: SignInPolicy;

  constructor(
    private readonly path: string,
    options: OperatorStoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.policy = { ...DEFAULT_POLICY, ...options.policy };
  }

  /** Every operator, and why the file could not be read (then the list is empty and nobody can sign in). */
  async list(): Promise<{ operators: OperatorSummary[]; damage: string | null }> {
    const stored = await this.load();
    if (!stored) return { operators: [], damage: DAMAGED(this.path) };
    return { operators: stored.operators.map((record) => this.summary(record)), damage: null };
  }

  async find(id: string): Promise<OperatorSummary | null> {
    const record = (await this.load())?.operators.find((candidate) => candidate.id === id);
    return record ? this.summary(record) : null;
  }

  /** The first start: only while there is no operator at all. */
  createFirstManager(name: string, pin: string): Promise<OperatorSummary> {
    return this.change(async (stored) => {
      if (stored.operators.length > 0) throw new OperatorError({ code: 'operatorsExist' }, 'This counter already has operators: sign in as one of them.');
      return this.addTo(stored, { name, role: 'manager', pin });
    });
  }

  add(input: NewOperator): Promise<OperatorSummary> {
    return this.change((stored) => this.addTo(stored, input));
  }

  /** The last manager stays, so someone can always change Settings and manage operators. */
  remove(id: string): Promise<OperatorSummary> {
    return this.change(async (stored) => {
      const record = this.recordOf(stored, id);
      if (record.role === 'manager' && stored.operators.filter((other) => other.role === 'manager').length === 1) {
        throw new OperatorError({ code: 'onlyManager', name: record.name }, `${record.name} is the only manager and cannot be removed. Add another manager first.`);
      }
      stored.operators = stored.operators.filter((other) => other.id !== id);
      return this.summary(record);
    });
  }

  /** A new PIN; a badge code replaces the badge, null removes it, undefined keeps it. Lifts a lockout. */
  reset(id: string, pin: string, badge: string | null | undefined): Promise<OperatorSummary> {
    return this.change(async (stored) => {
      const record = this.recordOf(stored, id);
      record.pin = await hashSecret(pin);
      if (badge !== undefined) record.badge = badge === null ? null : await this.uniqueBadge(stored, badge, id);
      record.failures = 0;
      record.lockedUntil = 0;
      return this.summary(record);
    });
  }

  /** The operator, when `pin` is theirs; else a slow refusal, and after too many a lockout. */
  async checkPin(id: string, pin: string): Promise<OperatorSummary> {
    const started = this.now();
    const stored = await this.readable();
    const record = stored.operators.find((candidate) => candidate.id === id);
    if (!record) {
      await this.slowly(started);
      throw new OperatorError({ code: 'operatorGone' }, 'This operator no longer exists. Choose another.');
    }
    this.refuseWhileLocked(record);
    if (await matchesHash(pin, record.pin)) {
      if (record.failures > 0) await this.change(async (latest) => void (this.recordOf(latest, id).failures = 0));
      return this.summary(record);
    }
    const refusal = await this.change(async (latest) => this.countFailure(this.recordOf(latest, id)));
    await this.slowly(started);
    throw refusal;
  }

  /** The operator whose badge this is; an unknown badge is refused slowly. */
  async checkBadge(badge: string): Promise<OperatorSummary> {
    const started = this.now();
    const stored = await this.readable();
    const scanned = await hashSecret(badge, stored.badgeSalt);
    const record = stored.operators.find((candidate) => candidate.badge !== null && sameHash(candidate.badge, scanned));
    if (!record) {
      await this.slowly(started);
      throw new OperatorError({ code: 'badgeUnknown' }, 'This badge belongs to no operator of this counter.');
    }
    this.refuseWhileLocked(record);
    return this.summary(record);
  }

  private summary(record: OperatorRecord): OperatorSummary {
    const locked = record.lockedUntil > this.now();
    return { id: record.id, name: record.name, role: record.role, hasBadge: record.badge !== null, lockedUntil: locked ? record.lockedUntil : null };
  }

  private refuseWhileLocked(record: OperatorRecord): void {
    const left = record.lockedUntil - this.now();
    if (left > 0) {
      const words = { code: 'operatorLocked', name: record.name, failures: this.policy.maxFailures, minutes: minutes(left) } as const;
      throw new OperatorError(
        words,
        `${record.name} is locked after ${this.policy.maxFailures} wrong PINs. Try again in ${plural(minutes(left), 'minute')}, or ask a manager to reset the PIN.`,
      );
    }
  }

  private countFailure(record: OperatorRecord): OperatorError {
    record.failures += 1;
    const left = this.policy.maxFailures - record.failures;
    const lockMinutes = minutes(this.policy.lockoutMs);
    if (left > 0) {
      const words = { code: 'wrongPin', name: record.name, count: left, minutes: lockMinutes } as const;
      return new OperatorError(words, `Wrong PIN. ${plural(left, 'more try', 'more tries')} before ${record.name} is locked for ${plural(lockMinutes, 'minute')}.`);
    }
    record.failures = 0;
    record.lockedUntil = this.now() + this.policy.lockoutMs;
    return new OperatorError(
      { code: 'wrongPinLocked', name: record.name, minutes: lockMinutes },
      `Wrong PIN. ${record.name} is now locked for ${plural(lockMinutes, 'minute')}, or until a manager resets the PIN.`,
    );
  }

  /** A wrong answer takes at least the policy's delay, however quickly it was found. */
  private async slowly(started: number): Promise<void> {
    const left = this.policy.wrongDelayMs - (this.now() - started);
    if (left > 0) await this.sleep(left);
  }

  private async addTo(stored: StoredOperators, input: NewOperator): Promise<OperatorSummary> {
    const name = input.name.trim();
    if (stored.operators.some((other) => other.name.toLocaleLowerCase() === name.toLocaleLowerCase())) {
      throw new OperatorError({ code: 'nameTaken', name }, `There is already an operator called ${name}. Choose another name.`);
    }
    const record: OperatorRecord = {
      id: randomUUID(),
      name,
      role: input.role satisfies Role,
      pin: await hashSecret(input.pin),
      badge: input.badge === undefined ? null : await this.uniqueBadge(stored, input.badge, null),
      failures: 0,
      lockedUntil: 0,
    };
    stored.operators.push(record);
    return this.summary(record);
  }

  private async uniqueBadge(stored: StoredOperators, badge: string, ownerId: string | null): Promise<SecretHash> {
    const hashed = await hashSecret(badge.trim(), stored.badgeSalt);
    if (stored.operators.some((other) => other.id !== ownerId && other.badge !== null && sameHash(other.badge, hashed))) {
      throw new OperatorError({ code: 'badgeTaken' }, 'This badge already belongs to another operator.');
    }
    return hashed;
  }

  private recordOf(stored: StoredOperators, id: string): OperatorRecord {
    const record = stored.operators.find((candidate) => candidate.id === id);
    if (!record) throw new OperatorError({ code: 'operatorGone' }, 'This operator no longer exists.');
    return record;
  }

  private async readable(): Promise<StoredOperators> {
    const stored = await this.load();
    if (!stored) throw new OperatorError({ code: 'operatorsDamaged', path: this.path }, DAMAGED(this.path));
    return stored;
  }

  /** One change at a time, on a copy of the file's contents: written whole, or (refused or failed) not at all. */
  private change<T>(mutate: (stored: StoredOperators) => Promise<T>): Promise<T> {
    const run = this.writes.then(async () => {
      const copy = storedOperatorsSchema.parse(structuredClone(await this.readable()));
      const result = await mutate(copy);
      await writeFileAtomic(this.path, JSON.stringify(copy, null, 2));
      this.loaded = Promise.resolve(copy);
      return result;
    });
    this.writes = run.catch(() => undefined);
    return run;
  }

  /** Read once and kept, unless damaged: then every call reads it again, so a restored file works without a restart. */
  private load(): Promise<StoredOperators | null> {
    if (this.loaded) return this.loaded;
    const loading = readOperators(this.path);
    this.loaded = loading;
    void loading.then((stored) => {
      if (stored === null && this.loaded === loading) this.loaded = null;
    });
    return loading;
  }
}

async function readOperators(path: string): Promise<StoredOperators | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, badgeSalt: newSalt(), operators: [] };
    return null;
  }
  try {
    const parsed = storedOperatorsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
