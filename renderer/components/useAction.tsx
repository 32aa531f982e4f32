import { useCallback, useState } from 'react';
import { errorMessage } from '../errors';

export interface Action {
  busy: boolean;
  error: string | null;
  /** Runs `work` once at a time; its thrown error is shown, not rethrown. True when it succeeded. */
  run: (work: () => Promise<unknown>) => Promise<boolean>;
}

/** Busy and error state for a button that changes local data. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (caught) {
      setError(errorMessage(caught));
      return false;
    } finally {
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
