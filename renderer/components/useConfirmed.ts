import { useState } from 'react';
import { useAction } from './useAction';

/**
 * A change that runs only once the operator confirms it in a ConfirmDialog: `ask` opens the dialog,
 * `dialog` is what the dialog needs (busy, error, confirm and cancel); it closes when the change succeeded.
 */
export function useConfirmed(change: () => Promise<unknown>) {
  const action = useAction();
  const [asking, setAsking] = useState(false);
  const confirm = async () => {
    if (await action.run(change)) setAsking(false);
  };
  return {
    asking,
    busy: action.busy,
    ask: () => setAsking(true),
    dialog: { busy: action.busy, error: action.error, onConfirm: () => void confirm(), onCancel: () => setAsking(false) },
  };
}
