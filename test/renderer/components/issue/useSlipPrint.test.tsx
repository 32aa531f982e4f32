import { createEvent, fireEvent, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { usePrintKey } from '../../../../renderer/components/issue/useSlipPrint';

describe('usePrintKey', () => {
  it('prints once per press of Ctrl+P: a held key’s repeats print nothing, and the browser never prints the window', () => {
    const print = vi.fn();
    renderHook(() => usePrintKey(print));
    const press = (repeat: boolean) => {
      const event = createEvent.keyDown(window, { key: 'p', ctrlKey: true, repeat });
      fireEvent(window, event);
      return event.defaultPrevented;
    };
    expect(press(false)).toBe(true);
    expect(press(true)).toBe(true);
    expect(press(true)).toBe(true);
    expect(print).toHaveBeenCalledTimes(1);
  });
});
