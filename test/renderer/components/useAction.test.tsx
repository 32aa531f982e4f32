import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useAction } from '../../../renderer/components/useAction';

describe('useAction', () => {
  it('runs one piece of work at a time: a second call while the first runs is dropped, not queued', async () => {
    const { result } = renderHook(() => useAction());
    let finish = () => {};
    const first = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const second = vi.fn(async () => {});

    let firstDone: Promise<boolean> = Promise.resolve(false);
    act(() => {
      firstDone = result.current.run(first);
    });
    // The same render's run, as a second click before React re-renders would call it.
    expect(await result.current.run(second)).toBe(false);
    expect(second).not.toHaveBeenCalled();

    finish();
    await act(async () => expect(await firstDone).toBe(true));
    expect(await result.current.run(second)).toBe(true);
    expect(second).toHaveBeenCalledTimes(1);
  });
});
