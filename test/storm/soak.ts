import 'fake-indexeddb/auto';
import { parseArgs } from 'node:util';
import { SIM_DIALECTS, SIM_PROFILES } from '../crm-sim/simProfile';
import { FaultStorm } from './faultStorm';

/** `npm run soak -- --seeds 50 [--first 1] [--ops 2000] [--terminals 3] [--profile r5|r13] [--dialect guessed|renamed]`: many storms, one line each. */
function oneOf<T extends string>(value: string | undefined, name: string, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const found = allowed.find((a) => a === value);
  if (found === undefined) {
    console.error(`--${name} must be one of ${allowed.join(', ')}, not "${value}"`);
    process.exit(2);
  }
  return found;
}

function positive(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} must be a whole number above 0, not "${value}"`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seeds: { type: 'string' },
      first: { type: 'string' },
      ops: { type: 'string' },
      terminals: { type: 'string' },
      profile: { type: 'string' },
      dialect: { type: 'string' },
    },
  });
  const seeds = positive(values.seeds, 'seeds', 20);
  const first = positive(values.first, 'first', 1);
  const operations = positive(values.ops, 'ops', 2_000);
  const terminals = positive(values.terminals, 'terminals', 3);
  const profile = oneOf(values.profile, 'profile', SIM_PROFILES);
  const dialect = oneOf(values.dialect, 'dialect', SIM_DIALECTS);
  let passed = 0;
  let failed = 0;
  for (let seed = first; seed < first + seeds; seed += 1) {
    try {
      const report = await FaultStorm.run({ seed, operations, terminals, profile, dialect });
      passed += 1;
      const list = (counts: Record<string, number>) => Object.entries(counts).map(([k, v]) => `${k}=${v}`).join(' ');
      console.log(
        `seed ${seed}: ok in ${report.ms} ms; ${report.crmTokensCreated} tokens created, ${report.adopted} adopted after a lost answer, ` +
          `${report.conflicts} conflicts; parked ${report.parkedLeftovers} (${list(report.parkedReasons)}); faults ${list(report.faults)}`,
      );
    } catch (error) {
      failed += 1;
      console.log(`seed ${seed}: FAILED — ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

void main();
