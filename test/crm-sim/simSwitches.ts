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
  /** Delay after a call is committed and before its reply is sent. */
  replyDelayMs: number;
  /** When set (e.g. "access_tokens/create"), failNext and dropNextReplies count only calls to that method. */
  faultsOnly: string | null;
}

const count = z.number().int().min(0).max(1_000_000);

export const switchesPatchSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(600_000),
    failNext: count,
    dropNextReplies: count,
    refuseConnections: z.boolean(),
    replyDelayMs: z.number().int().min(0).max(600_000),
    faultsOnly: z.string().min(1).max(200).nullable(),
  })
  .partial()
  .strict();

export const DEFAULT_SWITCHES: SimSwitches = {
  latencyMs: 0,
  failNext: 0,
  dropNextReplies: 0,
  refuseConnections: false,
  replyDelayMs: 0,
  faultsOnly: null,
};

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

  /** true (and one fewer left) when the counter is still above zero and the call is one faults apply to. */
  take(counter: Counter, action: string): boolean {
    if (this.value.faultsOnly !== null && this.value.faultsOnly !== action) return false;
    if (this.value[counter] <= 0) return false;
    this.value[counter] -= 1;
    return true;
  }
}
