import { useCallback, useRef, useState } from 'react';
import { errorMessage } from '../errors';

export interface Action {
  busy: boolean;
  error: string | null;
  /** Runs `work` once at a time (a call while one runs is dropped: false); its thrown error is shown, not rethrown. True when it succeeded. */
  run: (work: () => Promise<unknown>) => Promise<boolean>;
}

/** Busy and error state for a button that changes local data. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A ref, not `busy`: a second click can come before React renders the first one's busy state.
  const running = useRef(false);
  const run = useCallback(async (work: () => Promise<unknown>) => {
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (caught) {
      setError(errorMessage(caught));
      return false;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}

export function ActionError({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" className="form-error" tabIndex={-1}>
      {error}
    </p>
  ) : null;
}
