import { act, renderHook, waitFor } from '@testing-library/react';
import { Component, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLiveTokensRead } from '../../../renderer/components/useLiveTokensRead';
import type { TokenDeskDatabase } from '../../../renderer/storage/database';
import { findTokens } from '../../../renderer/storage/queries';
import { closeTestDb, issue, nextStorageMutation, openTestDb } from '../support';

class Catch extends Component<{ children: ReactNode; caught: (error: unknown) => void }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    this.props.caught(error);
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

describe('useLiveTokensRead', () => {
  let db: TokenDeskDatabase;
  beforeEach(() => {
    db = openTestDb();
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await closeTestDb(db);
  });

  /** Runs a write and waits until Dexie has told its listeners about it, so a read it would start has started. */
  const announced = async (write: () => Promise<unknown>) => {
    const told = nextStorageMutation();
    await act(async () => {
      await write();
      await told;
    });
  };

  const identifiersFound = (text: string) => async () => (await findTokens(db, text)).map((token) => token.identifier);

  it('reads at once, and again when its inputs change, keeping the last answer while the new one is read', async () => {
    await issue(db, { identifier: 'ALPHA1' });
    await issue(db, { identifier: 'BETA1' });
    const reads = vi.fn((text: string) => identifiersFound(text)());
    const { result, rerender } = renderHook(({ text }) => useLiveTokensRead(db, () => reads(text), [text]), { initialProps: { text: 'ALPHA' } });
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current).toEqual(['ALPHA1']));

    rerender({ text: 'BETA' });
    expect(reads).toHaveBeenLastCalledWith('BETA');
    expect(result.current).toEqual(['ALPHA1']);
    await waitFor(() => expect(result.current).toEqual(['BETA1']));
  });

  it('reads again when tokens change, and not when another table does', async () => {
    const reads = vi.fn(identifiersFound('GAMMA'));
    const { result } = renderHook(() => useLiveTokensRead(db, reads, []));
    await waitFor(() => expect(result.current).toEqual([]));
    const before = reads.mock.calls.length;

    await announced(() => db.meta.put({ key: 'unrelated', value: 1 }));
    expect(reads.mock.calls.length).toBe(before);

    await announced(() => issue(db, { identifier: 'GAMMA7' }));
    await waitFor(() => expect(result.current).toEqual(['GAMMA7']));
  });

  it('stops reading once unmounted', async () => {
    const reads = vi.fn(identifiersFound('DELTA'));
    const { result, unmount } = renderHook(() => useLiveTokensRead(db, reads, []));
    await waitFor(() => expect(result.current).toEqual([]));
    unmount();
    const before = reads.mock.calls.length;
    await announced(() => issue(db, { identifier: 'DELTA1' }));
    expect(reads.mock.calls.length).toBe(before);
  });

  it('hands a failed read to the error boundary', async () => {
    const caught = vi.fn();
    // React reports the caught error on the console as well.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failure = new Error('the disk is gone');
    renderHook(() => useLiveTokensRead(db, () => Promise.reject(failure), []), {
      wrapper: ({ children }) => <Catch caught={caught}>{children}</Catch>,
    });
    await waitFor(() => expect(caught).toHaveBeenCalledWith(failure));
  });
});
