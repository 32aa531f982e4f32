import { describe, expect, it } from 'vitest';
import { mapBounded } from '../../../electron/sync/mapBounded';

describe('mapBounded', () => {
  it('keeps the order of results and never has more than the limit in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const results = await mapBounded([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, n * 3));
      inFlight -= 1;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(most).toBe(3);
  });

  it('starts nothing after a failure, and answers it only once nothing it started is still running', async () => {
    const started: number[] = [];
    let inFlight = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let answered = false;
    const run = mapBounded([0, 1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      started.push(n);
      inFlight += 1;
      try {
        if (n === 1) throw new Error('The CRM did not answer in time.');
        await gate;
        return n;
      } finally {
        inFlight -= 1;
      }
    }).finally(() => (answered = true));
    // Every promise job queued so far runs before setImmediate's callback: the failure has been seen.
    await new Promise(setImmediate);
    expect(answered).toBe(false);
    release();
    await expect(run).rejects.toThrow('did not answer in time');
    expect(inFlight).toBe(0);
    expect(started).toEqual([0, 1, 2]);
  });

  it('handles no items', async () => {
    expect(await mapBounded([], 4, async () => 1)).toEqual([]);
  });
});
