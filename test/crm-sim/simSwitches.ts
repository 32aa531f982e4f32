import { z } from 'zod';

/** Fault switches; they act on API calls only, never on the control endpoint. */
export interface SimSwitches {
  /** Delay before handling each API call. */
  latencyMs: number;
  /** The next N API calls answer HTTP 500 (plain text body) without doing anything. */
  failNext: number;
  /** The next N API calls are fully processed and committed, then the socket is destroyed with no reply. */
  dropNextReplies: number;
  /** true: the API listener is closed (connections refused); false: listening again on the same port, state kept. */
  refuseConnections: boolean;
}

const count = z.number().int().min(0).max(1_000_000);

export const switchesPatchSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(600_000),
    failNext: count,
    dropNextReplies: count,
    refuseConnections: z.boolean(),
  })
  .partial()
  .strict();

export const DEFAULT_SWITCHES: SimSwitches = { latencyMs: 0, failNext: 0, dropNextReplies: 0, refuseConnections: false };

/** Throws a readable error when the patch is not a valid partial set of switches. */
export function parseSwitchesPatch(raw: unknown): Partial<SimSwitches> {
  const parsed = switchesPatchSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new Error(`Invalid switches: ${z.prettifyError(parsed.error)}`);
}

type Counter = 'failNext' | 'dropNextReplies';

/** The current switches; counters are used up one API call at a time. */
export class SwitchBoard {
  private value: SimSwitches;

  constructor(initial: Partial<SimSwitches> = {}) {
    this.value = { ...DEFAULT_SWITCHES, ...parseSwitchesPatch(initial) };
  }

  current(): SimSwitches {
    return { ...this.value };
  }

  apply(patch: Partial<SimSwitches>): void {
    this.value = { ...this.value, ...patch };
  }

  /** true (and one fewer left) when the counter is still above zero. */
  take(counter: Counter): boolean {
    if (this.value[counter] <= 0) return false;
    this.value[counter] -= 1;
    return true;
  }
}
