import type { CrmSim, SimTokenRecord } from '../crm-sim/simulator';
import type { StormTerminal } from './stormTerminal';

/** What the storm did that the end state must account for. */
export interface StormLedger {
  /** Local changes each terminal accepted (each one queued operation). */
  queued: Map<string, number>;
  /** Every authentication code issued, and by which terminal. */
  issuedBy: Map<string, string>;
}

export interface InvariantOutcome {
  crmTokensCreated: number;
  parkedLeftovers: number;
  /** Leftovers by reason code. */
  parkedReasons: Record<string, number>;
  /** How often a retry found its change already in the CRM, and how many conflicts the operators met. */
  adopted: number;
  conflicts: number;
}

class InvariantBroken extends Error {}

function require(condition: boolean, message: string): asserts condition {
  if (!condition) throw new InvariantBroken(message);
}

/** Leftovers are parked, each with the CRM's reason; nothing is pending or in conflict. */
async function checkLeftovers(terminal: StormTerminal): Promise<number> {
  const rows = await terminal.db.outbox.toArray();
  for (const row of rows) {
    const detail = { ...row, op: row.op.kind };
    const siblings = rows.filter((r) => r.tokenLocalId === row.tokenLocalId).map((r) => `${r.seq}:${r.op.kind}:${r.status}:${r.lastError?.code ?? ''}`);
    require(row.status === 'parked', `${terminal.name}: outbox row ${row.seq} (${row.op.kind}) is ${row.status}, not parked: ${JSON.stringify(detail)} token rows ${siblings.join(' ')}`);
    require(Boolean(row.lastError?.message), `${terminal.name}: parked row ${row.seq} has no reason`);
  }
  return rows.length;
}

/** Every queued operation ended as done (synced or adopted), dropped by the operator, or is still parked. */
async function checkNothingLost(terminal: StormTerminal, ledger: StormLedger, parked: number): Promise<void> {
  const audit = await terminal.db.audit.toArray();
  const count = (outcome: string) => audit.filter((a) => a.outcome === outcome).length;
  const queued = count('queued');
  require(queued === (ledger.queued.get(terminal.name) ?? 0), `${terminal.name}: ${queued} queued in the audit, the storm made ${ledger.queued.get(terminal.name) ?? 0}`);
  const accounted = count('synced') + count('adopted') + count('dropped') + parked;
  require(queued === accounted, `${terminal.name}: ${queued} operations queued but ${accounted} accounted for (done, dropped or parked)`);
}

/** A create is in the CRM exactly when it is not parked, once; nothing else appeared in the CRM. */
async function checkCreates(sim: CrmSim, terminals: StormTerminal[], ledger: StormLedger, initialCodes: Set<string>): Promise<number> {
  const created = sim.tokens().filter((t) => !initialCodes.has(t.authentication_code));
  const crmCodes = new Set(created.map((t) => t.authentication_code));
  for (const code of crmCodes) require(ledger.issuedBy.has(code), `the CRM holds ${code}, which no terminal issued`);
  let accounted = 0;
  for (const terminal of terminals) {
    const rows = await terminal.db.outbox.toArray();
    const parkedCreates = new Set(rows.filter((r) => r.op.kind === 'create').map((r) => r.op.authenticationCode));
    const held = new Set((await terminal.db.tokens.toArray()).map((t) => t.authenticationCode));
    for (const [code, issuer] of ledger.issuedBy) {
      if (issuer !== terminal.name) continue;
      require(held.has(code), `${terminal.name}: issued ${code}, but no longer holds it`);
      const parked = parkedCreates.has(code);
      const inCrm = crmCodes.has(code);
      require(parked !== inCrm, parked ? `${terminal.name}: ${code} is parked yet in the CRM` : `${terminal.name}: ${code} is not parked, yet the CRM lacks it`);
      if (inCrm) accounted += 1;
    }
  }
  require(accounted === created.length, `the CRM holds ${created.length} new tokens, the terminals account for ${accounted}`);
  return created.length;
}

/** With nothing of its own left queued, a terminal's copy of a token is the CRM's. */
async function checkCaches(sim: CrmSim, terminal: StormTerminal): Promise<void> {
  const crm = new Map<string, SimTokenRecord>(sim.tokens().map((t) => [t.authentication_code, t]));
  const busy = new Set((await terminal.db.outbox.toArray()).map((r) => r.tokenLocalId));
  for (const token of await terminal.db.tokens.toArray()) {
    if (busy.has(token.localId)) continue;
    const server = crm.get(token.authenticationCode);
    require(server !== undefined, `${terminal.name}: holds ${token.authenticationCode} as synced, but the CRM has no such token`);
    const mine = { identifier: token.identifier, state: token.lifeCycleState, number: token.number };
    const theirs = { identifier: server.identifier, state: server.life_cycle_state, number: sim.profile.tokenNumber(server.number) };
    require(JSON.stringify(mine) === JSON.stringify(theirs), `${terminal.name}: ${token.authenticationCode} is ${JSON.stringify(mine)} here, ${JSON.stringify(theirs)} in the CRM`);
  }
}

export async function checkInvariants(
  sim: CrmSim,
  terminals: StormTerminal[],
  ledger: StormLedger,
  initialCodes: Set<string>,
): Promise<InvariantOutcome> {
  const outcome: InvariantOutcome = { crmTokensCreated: 0, parkedLeftovers: 0, parkedReasons: {}, adopted: 0, conflicts: 0 };
  for (const terminal of terminals) {
    outcome.parkedLeftovers += await checkLeftovers(terminal);
    await checkNothingLost(terminal, ledger, await terminal.db.outbox.count());
    await checkCaches(sim, terminal);
    for (const row of await terminal.db.outbox.toArray()) {
      const code = row.lastError?.code.split('.').at(-1) ?? 'none';
      outcome.parkedReasons[code] = (outcome.parkedReasons[code] ?? 0) + 1;
    }
    for (const entry of await terminal.db.audit.toArray()) {
      if (entry.outcome === 'adopted') outcome.adopted += 1;
      if (entry.outcome === 'conflict') outcome.conflicts += 1;
    }
  }
  outcome.crmTokensCreated = await checkCreates(sim, terminals, ledger, initialCodes);
  return outcome;
}
