import { describe, expect, it } from 'vitest';
import { createCrashReloads } from '../../../electron/app/crashReloads';

describe('renderer crash reloads', () => {
  it('reloads at most 3 times in 5 minutes, then again once the window has passed', () => {
    const decide = createCrashReloads();
    const minute = 60_000;
    expect([0, minute, 2 * minute].map(decide)).toEqual(['reload', 'reload', 'reload']);
    expect(decide(3 * minute)).toBe('stop');
    expect(decide(5 * minute - 1)).toBe('stop');
    expect(decide(5 * minute)).toBe('reload');
  });
});
