import { z } from 'zod';

export const LIFE_CYCLE_STATES = ['EFFECTIVE', 'NOT_EFFECTIVE'] as const;
export const lifeCycleStateSchema = z.enum(LIFE_CYCLE_STATES);
export type LifeCycleState = z.infer<typeof lifeCycleStateSchema>;

/** A new token starts effective, as the seed's example shows. */
export const INITIAL_LIFE_CYCLE_STATE: LifeCycleState = 'EFFECTIVE';

export const LIFE_CYCLE_LABELS: Record<LifeCycleState, string> = {
  EFFECTIVE: 'Effective',
  NOT_EFFECTIVE: 'Not effective',
};

export type TransitionCheck = { ok: true } | { ok: false; reason: string };

/** Effective ↔ Not effective are the only moves; asking for the current state is refused. */
export function checkTransition(from: LifeCycleState, to: LifeCycleState): TransitionCheck {
  if (from === to) {
    return { ok: false, reason: `The token is already ${LIFE_CYCLE_LABELS[to].toLowerCase()}.` };
  }
  return { ok: true };
}

export function oppositeState(state: LifeCycleState): LifeCycleState {
  return state === 'EFFECTIVE' ? 'NOT_EFFECTIVE' : 'EFFECTIVE';
}
