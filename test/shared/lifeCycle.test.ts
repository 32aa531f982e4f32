import { describe, expect, it } from 'vitest';
import { checkTransition, INITIAL_LIFE_CYCLE_STATE, lifeCycleStateSchema, oppositeState } from '../../shared/token/lifeCycle';

describe('life cycle', () => {
  it('moves between Effective and Not effective', () => {
    expect(checkTransition('EFFECTIVE', 'NOT_EFFECTIVE')).toEqual({ ok: true });
    expect(checkTransition('NOT_EFFECTIVE', 'EFFECTIVE')).toEqual({ ok: true });
  });

  it('refuses a move to the state the token is already in', () => {
    expect(checkTransition('EFFECTIVE', 'EFFECTIVE')).toEqual({ ok: false, reason: 'The token is already effective.' });
    expect(checkTransition('NOT_EFFECTIVE', 'NOT_EFFECTIVE')).toMatchObject({ ok: false });
  });

  it('knows the opposite state and the initial state', () => {
    expect(oppositeState('EFFECTIVE')).toBe('NOT_EFFECTIVE');
    expect(oppositeState('NOT_EFFECTIVE')).toBe('EFFECTIVE');
    expect(INITIAL_LIFE_CYCLE_STATE).toBe('EFFECTIVE');
  });

  it('accepts only the two documented states', () => {
    expect(lifeCycleStateSchema.safeParse('ACTIVE').success).toBe(false);
  });
});
