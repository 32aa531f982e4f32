import { describe, expect, it } from 'vitest';
import { FaultStorm } from './faultStorm';

/** STORM_SEED picks another storm; a failure names its seed so it can be replayed. */
const seed = Number(process.env.STORM_SEED ?? 20261124);

describe('fault storm', () => {
  it(`3 counters, 2,000 random operations and faults, seed ${seed}: nothing lost, nothing twice`, async () => {
    const report = await FaultStorm.run({ seed, operations: 2_000, terminals: 3 });
    const total = Object.values(report.steps).reduce((sum, n) => sum + n, 0);
    expect(total).toBeGreaterThanOrEqual(2_000);
    expect(report.crmTokensCreated).toBeGreaterThan(100);
    expect(report.adopted, 'retries that found their change already in the CRM').toBeGreaterThan(0);
    expect(report.conflicts, 'conflicting edits between counters').toBeGreaterThan(0);
    expect(report.parkedReasons.IDENTIFIERALREADYEXISTSEXCEPTION, 'duplicate identifiers across counters').toBeGreaterThan(0);
    for (const fault of ['failNext', 'dropReply', 'slow', 'refuse', 'expireSessions', 'crash']) {
      expect(report.faults[fault] ?? 0, fault).toBeGreaterThan(0);
    }
  }, 300_000);
});
