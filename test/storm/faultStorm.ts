import { DEFAULT_DEFINITION } from '../../shared/token/defaultDefinition';
import { generateFieldValue } from '../../shared/token/generate';
import { MAX_REFRESH } from '../../shared/ipc/contract';
import { editToken, issueToken, setLifeCycleState } from '../../renderer/commands/tokenWrites';
import { LocalChangeError } from '../../renderer/refusals';
import { applyMine, fixParkedIdentifier, isDuplicateIdentifier, keepCrmValue, retryParked } from '../../renderer/outbox';
import { applyMissing, applyServerTokens } from '../../renderer/storage/serverCopies';
import { takeBatch } from '../../renderer/outbox';
import { switchFor } from '../../shared/token/lifeCycle';
import { startCrmSim, type CrmSim, type SimDialectName, type SimProfileName } from '../crm-sim/simulator';
import { SeededRandom } from './seededRandom';
import { StormClock, StormTerminal } from './stormTerminal';
import { checkInvariants, type InvariantOutcome, type StormLedger } from './stormInvariants';

export interface StormOptions {
  seed: number;
  operations: number;
  terminals: number;
  /** The CRM.COM release and error dialect the simulator plays (default r5, guessed). */
  profile?: SimProfileName;
  dialect?: SimDialectName;
}

export interface StormReport extends InvariantOutcome {
  seed: number;
  steps: Record<string, number>;
  faults: Record<string, number>;
  ms: number;
}

const ACTIONS = {
  issue: 30,
  setState: 20,
  edit: 12,
  sync: 16,
  pullParticipant: 5,
  operator: 5,
  fault: 9,
  timeJump: 3,
} as const;
type Action = keyof typeof ACTIONS;

const FAULTS = { failNext: 3, dropReply: 3, dropCreateReply: 2, slow: 2, refuse: 2, expireSessions: 2, crash: 3 } as const;
type Fault = keyof typeof FAULTS;

/** A fault storm against one CRM simulator: several counters, random work, random faults, then the invariants. */
export class FaultStorm {
  private readonly random: SeededRandom;
  private readonly steps: Record<string, number> = {};
  private readonly faults: Record<string, number> = {};
  private readonly ledger: StormLedger = { queued: new Map(), issuedBy: new Map() };
  private slowUntilStep = -1;
  private refuseUntilStep = -1;
  private step = 0;
  private counter = 0;
  /** What the storm is doing now, so a failure says where it happened. */
  private doing = 'starting';

  private constructor(
    private readonly options: StormOptions,
    private readonly sim: CrmSim,
    private readonly clock: StormClock,
    private readonly terminals: StormTerminal[],
  ) {
    this.random = new SeededRandom(options.seed);
  }

  static async run(options: StormOptions): Promise<StormReport> {
    const started = performance.now();
    const sim = await startCrmSim({ profile: options.profile, dialect: options.dialect });
    const clock = new StormClock(Date.UTC(2026, 10, 24, 9, 0, 0));
    const terminals: StormTerminal[] = [];
    let storm: FaultStorm | null = null;
    try {
      for (let i = 1; i <= options.terminals; i += 1) {
        terminals.push(await StormTerminal.open(`T${i}`, `storm-${options.seed}-${i}-${Date.now()}`, clock, sim.url, 250));
      }
      storm = new FaultStorm(options, sim, clock, terminals);
      const initialCodes = new Set(sim.tokens().map((t) => t.authentication_code));
      await storm.play();
      await storm.settle();
      storm.doing = 'checking the invariants';
      const outcome = await checkInvariants(sim, terminals, storm.ledger, initialCodes);
      return { ...outcome, seed: options.seed, steps: storm.steps, faults: storm.faults, ms: Math.round(performance.now() - started) };
    } catch (error) {
      // Where: a database error (Dexie's) has no stack of its own to tell.
      const where = storm?.doing ?? 'opening the counters';
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`Fault storm failed with seed ${options.seed} while ${where}: ${message}`, { cause: error });
    } finally {
      for (const terminal of terminals) await terminal.close();
      await sim.close();
    }
  }

  private count(bucket: Record<string, number>, key: string): void {
    bucket[key] = (bucket[key] ?? 0) + 1;
  }

  private terminal(): StormTerminal {
    return this.random.pick(this.terminals) as StormTerminal;
  }

  private async play(): Promise<void> {
    for (this.step = 0; this.step < this.options.operations; this.step += 1) {
      this.clock.advance(this.random.int(200, 4_000));
      await this.healFaultsInTime();
      const action = this.random.weighted<Action>(ACTIONS);
      this.count(this.steps, action);
      await this.perform(action);
    }
  }

  private async perform(action: Action): Promise<void> {
    const terminal = this.terminal();
    this.doing = `step ${this.step} (${action} at ${terminal.name})`;
    switch (action) {
      case 'issue':
        return this.issue(terminal);
      case 'setState':
        return this.toggle(terminal);
      case 'edit':
        return this.edit(terminal);
      case 'sync':
        await terminal.sync(this.random.chance(0.5));
        return;
      case 'pullParticipant':
        return this.pullParticipant(terminal);
      case 'operator':
        return this.operate(terminal);
      case 'fault':
        return this.fault(terminal);
      case 'timeJump':
        this.clock.advance(this.random.int(60_000, 600_000));
        return;
    }
  }

  /** A local change the app accepted is one queued operation that must not be lost. */
  private async queued(terminal: StormTerminal, change: () => Promise<unknown>): Promise<void> {
    try {
      await change();
      this.ledger.queued.set(terminal.name, (this.ledger.queued.get(terminal.name) ?? 0) + 1);
    } catch (error) {
      if (!(error instanceof LocalChangeError)) throw error;
      this.count(this.steps, 'refusedLocally');
    }
  }

  private identifier(): string {
    this.counter += 1;
    return this.random.chance(0.2) ? `SHARED${this.random.int(1, 30)}` : `ID${this.options.seed}X${this.counter}`;
  }

  private async seal(terminal: StormTerminal, passCode: string): Promise<string> {
    return (await terminal.api.sealSecret({ plaintext: passCode })).sealed;
  }

  private async issue(terminal: StormTerminal): Promise<void> {
    const withIdentifier = this.random.chance(0.8);
    const identifier = withIdentifier ? this.identifier() : null;
    const sealedPassCode = withIdentifier ? await this.seal(terminal, String(this.random.int(1000, 999999))) : null;
    const authenticationCode = generateFieldValue(DEFAULT_DEFINITION.authenticationCode, (b) => this.random.bytes(b));
    const participantNumber = this.random.chance(0.1) ? String(this.random.int(1, 4)) : null;
    await this.queued(terminal, async () => {
      await issueToken(terminal.db, { identifier, sealedPassCode, participantNumber, authenticationCode }, this.clock.time);
      this.ledger.issuedBy.set(authenticationCode, terminal.name);
    });
  }

  private async someToken(terminal: StormTerminal) {
    const count = await terminal.db.tokens.count();
    if (count === 0) return undefined;
    return terminal.db.tokens.offset(this.random.int(0, count - 1)).first();
  }

  private async toggle(terminal: StormTerminal): Promise<void> {
    const token = await this.someToken(terminal);
    const offer = token ? switchFor(token.lifeCycleState) : null;
    if (!token || !offer?.target) return;
    const target = offer.target;
    await this.queued(terminal, () => setLifeCycleState(terminal.db, token.localId, target, this.clock.time));
  }

  /** Stock tokens are held by every counter, so edits to them collide. */
  private async sharedToken(terminal: StormTerminal) {
    const stock = await terminal.db.tokens.where('stock').equals(1).toArray();
    return this.random.pick(stock) ?? (await this.someToken(terminal));
  }

  private async edit(terminal: StormTerminal): Promise<void> {
    const token = this.random.chance(0.4) ? await this.sharedToken(terminal) : await this.someToken(terminal);
    if (!token) return;
    const sealedPassCode = await this.seal(terminal, String(this.random.int(1000, 999999)));
    await this.queued(terminal, () => editToken(terminal.db, token.localId, { identifier: this.identifier(), sealedPassCode }, this.clock.time));
  }

  private async pullParticipant(terminal: StormTerminal): Promise<void> {
    const reply = await terminal.api.participantTokens({ participantNumber: String(this.random.int(1, 4)) });
    if (reply.crm === 'ok') await applyServerTokens(terminal.db, reply.tokens, this.clock.time);
  }

  /** The operator settles what needs attention: a conflict either way, a duplicate identifier, or a retry. */
  private async operate(terminal: StormTerminal): Promise<void> {
    const rows = await terminal.db.outbox.where('status').anyOf('parked', 'conflict').toArray();
    const row = this.random.pick(rows);
    if (!row || row.seq === undefined) return;
    const { seq } = row;
    const now = this.clock.time;
    let decision: () => Promise<void>;
    if (row.status === 'conflict') {
      decision = this.random.chance(0.5) ? () => keepCrmValue(terminal.db, seq, now) : () => applyMine(terminal.db, seq, now);
    } else if (isDuplicateIdentifier(row)) {
      const identifier = `FIX${this.options.seed}X${++this.counter}`;
      decision = () => fixParkedIdentifier(terminal.db, seq, identifier, DEFAULT_DEFINITION, now);
    } else {
      decision = () => retryParked(terminal.db, seq, now);
    }
    try {
      await decision();
      this.count(this.steps, `operator:${row.status}`);
    } catch (error) {
      if (!(error instanceof LocalChangeError)) throw error;
      this.count(this.steps, 'operator:refused');
    }
  }

  private async fault(terminal: StormTerminal): Promise<void> {
    const fault = this.random.weighted<Fault>(FAULTS);
    this.count(this.faults, fault);
    switch (fault) {
      case 'failNext':
        return this.sim.setSwitches({ failNext: this.random.int(1, 3) });
      case 'dropReply':
        return this.sim.setSwitches({ dropNextReplies: this.random.int(1, 2), faultsOnly: null });
      case 'dropCreateReply':
        return this.sim.setSwitches({ dropNextReplies: 1, faultsOnly: 'access_tokens/create' });
      case 'slow':
        this.slowUntilStep = this.step + this.random.int(2, 8);
        return this.sim.setSwitches({ latencyMs: 400 });
      case 'refuse':
        this.refuseUntilStep = this.step + this.random.int(2, 10);
        return this.sim.stop();
      case 'expireSessions':
        this.sim.expireSessions();
        return;
      case 'crash':
        return terminal.crash(async () => {
          const operations = await takeBatch(terminal.db, 20, this.clock.time, { force: true, owner: terminal.owner });
          await terminal.api.pushOperations({ operations });
        });
    }
  }

  private async healFaultsInTime(): Promise<void> {
    if (this.step === this.slowUntilStep) await this.sim.setSwitches({ latencyMs: 0 });
    if (this.step === this.refuseUntilStep) await this.sim.start();
  }

  /**
   * The end of the day: faults off and every counter on the product's own CRM timeout, then every
   * counter syncs until nothing moves; conflicts are settled by the operator (keep the CRM's value),
   * and every held token is re-read so each cache can be compared with the CRM.
   */
  private async settle(): Promise<void> {
    this.doing = 'settling';
    await this.sim.setSwitches({ latencyMs: 0, failNext: 0, dropNextReplies: 0, refuseConnections: false, faultsOnly: null });
    for (const terminal of this.terminals) await terminal.useProductTimeout();
    this.clock.advance(10 * 60_000);
    for (let round = 0; round < 20; round += 1) {
      let open = 0;
      for (const terminal of this.terminals) {
        await terminal.sync(true);
        for (const row of await terminal.db.outbox.where('status').equals('conflict').toArray()) {
          if (row.seq !== undefined) await keepCrmValue(terminal.db, row.seq, this.clock.time);
        }
        open += await terminal.db.outbox.where('status').anyOf('pending', 'conflict').count();
      }
      this.clock.advance(10 * 60_000);
      if (open === 0) break;
    }
    for (const terminal of this.terminals) await this.refreshAll(terminal);
  }

  private async refreshAll(terminal: StormTerminal): Promise<void> {
    this.doing = `the final refresh at ${terminal.name}`;
    const codes = (await terminal.db.tokens.toArray()).map((t) => t.authenticationCode);
    for (let i = 0; i < codes.length; i += MAX_REFRESH) {
      const reply = await terminal.api.refreshTokens({ authenticationCodes: codes.slice(i, i + MAX_REFRESH) });
      if (reply.crm !== 'ok') throw new Error(`Final refresh could not reach the CRM: ${reply.message ?? reply.crm}`);
      await applyServerTokens(terminal.db, reply.tokens, this.clock.time);
      await applyMissing(terminal.db, reply.missing, this.clock.time);
    }
  }
}
