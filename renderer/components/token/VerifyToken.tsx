import { useState, type FormEvent } from 'react';
import { useServices } from '../../context';
import { verifyToken } from '../../commands';
import type { SentRow, TokenRow } from '../../storage/rows';
import { Field } from '../Field';
import { useAction } from '../useAction';
import { SubmitOrCancel } from '../SubmitOrCancel';

/**
 * "Verify" for a token pending verification: the operator types the code the customer received, and
 * it is queued (sealed) like any change. While it waits, the screen says so; a refused code is fixed
 * where the refusal is shown.
 */
export function VerifyToken({ token, queued }: { token: TokenRow; queued: SentRow | null }) {
  const [open, setOpen] = useState(false);
  if (token.lifeCycleState !== 'PENDING_VERIFICATION') return null;
  if (queued?.status === 'pending') {
    return <p role="status">The verification code waits to be sent; the token becomes effective once the CRM accepts it.</p>;
  }
  if (queued) return null;
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Verify
      </button>
    );
  }
  return <VerifyForm token={token} onDone={() => setOpen(false)} />;
}

function VerifyForm({ token, onDone }: { token: TokenRow; onDone: () => void }) {
  const services = useServices();
  const action = useAction();
  const [code, setCode] = useState('');
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run(() => verifyToken(services, token.localId, code))) onDone();
  };
  return (
    <form aria-label="Verify token" className="edit-identifier" noValidate onSubmit={(event) => void onSubmit(event)}>
      <VerificationCodeField value={code} error={action.error} autoFocus onChange={setCode} />
      <SubmitOrCancel label="Verify" busy={action.busy} onCancel={onDone} />
    </form>
  );
}

/** The code the customer received: typed hidden, never kept by the form after it is sealed and queued. */
export function VerificationCodeField(props: { value: string; error: string | null; autoFocus?: boolean; onChange: (value: string) => void }) {
  return (
    <Field
      label="Verification code"
      type="password"
      autoComplete="one-time-code"
      hint="The code the customer received from the CRM."
      value={props.value}
      error={props.error ?? undefined}
      autoFocus={props.autoFocus}
      onChange={props.onChange}
    />
  );
}
