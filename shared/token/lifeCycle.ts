import { z } from 'zod';

/** PENDING_VERIFICATION exists from CRM.COM R9 (FIDELITY.md #2). */
export const LIFE_CYCLE_STATES = ['EFFECTIVE', 'NOT_EFFECTIVE', 'PENDING_VERIFICATION'] as const;
export const lifeCycleStateSchema = z.enum(LIFE_CYCLE_STATES);
export type LifeCycleState = z.infer<typeof lifeCycleStateSchema>;

/** The states set_as_effective / set_as_not_effective lead to; a pending token leaves its state only by `verify`. */
export const SWITCH_TARGETS = ['EFFECTIVE', 'NOT_EFFECTIVE'] as const;
export const switchTargetSchema = z.enum(SWITCH_TARGETS);
export type SwitchTarget = z.infer<typeof switchTargetSchema>;

/** A new token starts effective, as the seed's example shows. */
export const INITIAL_LIFE_CYCLE_STATE: LifeCycleState = 'EFFECTIVE';

export const LIFE_CYCLE_LABELS: Record<LifeCycleState, string> = {
  EFFECTIVE: 'Effective',
  NOT_EFFECTIVE: 'Not effective',
  PENDING_VERIFICATION: 'Pending verification',
};

export const PENDING_SWITCH_REASON =
  'This token is pending verification: it becomes effective only when the code the customer received is entered (Verify).';

export type TransitionCheck = { ok: true } | { ok: false; reason: string };

/**
 * set_as_effective only from Not effective, set_as_not_effective only from Effective (documented
 * from R13.1); a pending token cannot be switched at all.
 */
export function checkTransition(from: LifeCycleState, to: SwitchTarget): TransitionCheck {
  if (from === 'PENDING_VERIFICATION') return { ok: false, reason: PENDING_SWITCH_REASON };
  if (from === to) {
    return { ok: false, reason: `The token is already ${LIFE_CYCLE_LABELS[to].toLowerCase()}.` };
  }
  return { ok: true };
}

/** Verify is the one way out of Pending verification. */
export function checkVerify(from: LifeCycleState): TransitionCheck {
  return from === 'PENDING_VERIFICATION' ? { ok: true } : { ok: false, reason: `Only a token pending verification can be verified; this one is ${LIFE_CYCLE_LABELS[from].toLowerCase()}.` };
}

export function oppositeState(state: SwitchTarget): SwitchTarget {
  return state === 'EFFECTIVE' ? 'NOT_EFFECTIVE' : 'EFFECTIVE';
}

/** The switch a token offers, or null (with the reason) when it offers none. */
export function switchFor(state: LifeCycleState): { target: SwitchTarget } | { target: null; reason: string } {
  return state === 'PENDING_VERIFICATION' ? { target: null, reason: PENDING_SWITCH_REASON } : { target: oppositeState(state) };
}
