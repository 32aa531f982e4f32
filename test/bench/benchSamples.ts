import { codeOf, identifierOf, numberOf } from './benchRecords';

export interface Spread {
  p50: number;
  p95: number;
  p99: number;
}
export type LookupKind = 'code' | 'identifier' | 'number' | 'prefix';

export function spread(samples: number[]): Spread {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/** A seeded walk over the record indexes, the same in every run. */
export function* keysOf(n: number, samples: number): Generator<number> {
  let state = 12345;
  for (let i = 0; i < samples; i += 1) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    yield state % n;
  }
}

export function keyFor(kind: LookupKind, i: number): string {
  switch (kind) {
    case 'code':
      return codeOf(i);
    case 'identifier':
      return identifierOf(i);
    case 'number':
      return numberOf(i);
    case 'prefix':
      return identifierOf(i).slice(0, 8);
  }
}
