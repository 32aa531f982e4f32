import { useTranslation } from '../../i18n';
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
  const { t } = useTranslation();
  if (token.lifeCycleState !== 'PENDING_VERIFICATION') return null;
  if (queued?.status === 'pending') {
    return <p role="status">{t('token.verify.waiting')}</p>;
  }
  if (queued) return null;
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('token.verify.button')}
      </button>
    );
  }
  return <VerifyForm token={token} onDone={() => setOpen(false)} />;
}

function VerifyForm({ token, onDone }: { token: TokenRow; onDone: () => void }) {
  const services = useServices();
  const action = useAction();
  const [code, setCode] = useState('');
  const { t } = useTranslation();
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run(() => verifyToken(services, token.localId, code))) onDone();
  };
  return (
    <form aria-label={t('token.verify.form')} className="edit-identifier" noValidate onSubmit={(event) => void onSubmit(event)}>
      <VerificationCodeField value={code} error={action.error} autoFocus onChange={setCode} />
      <SubmitOrCancel label={t('token.verify.button')} busy={action.busy} onCancel={onDone} />
    </form>
  );
}

/** The code the customer received: typed hidden, never kept by the form after it is sealed and queued. */
export function VerificationCodeField(props: { value: string; error: string | null; autoFocus?: boolean; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <Field
      label={t('token.verify.code')}
      type="password"
      autoComplete="one-time-code"
      hint={t('token.verify.hint')}
      value={props.value}
      error={props.error ?? undefined}
      autoFocus={props.autoFocus}
      onChange={props.onChange}
    />
  );
}
