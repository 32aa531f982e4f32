import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncProgress } from '../../../shared/ipc/contract';
import { pacedProgress, PROGRESS_PACE_MS } from '../../../electron/sync/progressPace';

const at = (done: number, running = true, total = 1_000): SyncProgress => ({ running, done, total, lastError: null });

describe('a push’s progress, paced for the windows', () => {
  let told: SyncProgress[];
  let hear: (progress: SyncProgress) => void;
  beforeEach(() => {
    vi.useFakeTimers();
    told = [];
    hear = pacedProgress((progress) => told.push(progress));
  });
  afterEach(() => vi.useRealTimers());

  it('tells the start and the end at once, and the latest answer in between once the pace allows', () => {
    hear(at(0));
    hear(at(1));
    hear(at(2));
    expect(told).toEqual([at(0)]);
    vi.advanceTimersByTime(PROGRESS_PACE_MS);
    expect(told).toEqual([at(0), at(2)]);
    hear(at(3, false));
    expect(told).toEqual([at(0), at(2), at(3, false)]);
  });

  it('tells a steady stream of answers about once per pace, always the latest, counting up', () => {
    hear(at(0));
    for (let done = 1; done <= 160; done += 1) {
      hear(at(done));
      vi.advanceTimersByTime(1_000 / 160);
    }
    hear(at(160, false));
    const counts = told.map((p) => p.done);
    expect(counts.length).toBeGreaterThanOrEqual(10);
    expect(counts.length).toBeLessThanOrEqual(13);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(told.at(-1)).toEqual(at(160, false));
  });

  it('drops a change held when the push ends: nothing older comes after the end', () => {
    hear(at(0));
    hear(at(1));
    hear(at(2, false));
    vi.advanceTimersByTime(PROGRESS_PACE_MS * 3);
    expect(told).toEqual([at(0), at(2, false)]);
  });

  it('tells the first answer after a quiet spell at once', () => {
    hear(at(0));
    vi.advanceTimersByTime(PROGRESS_PACE_MS * 2);
    hear(at(1));
    expect(told).toEqual([at(0), at(1)]);
  });

  it('tells each end, and a new push’s start, at once', () => {
    hear(at(0));
    hear(at(0, false, 0));
    hear(at(0, false, 0));
    hear(at(0, true, 5));
    expect(told).toEqual([at(0), at(0, false, 0), at(0, false, 0), at(0, true, 5)]);
  });
});
