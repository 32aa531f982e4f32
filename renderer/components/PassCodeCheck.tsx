import { useTranslation } from '../i18n';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useServices } from '../context';
import { verifyPassCode, type PassCodeVerdict } from '../sync/passCode';
import { Field } from './Field';
import { ActionError, useAction } from './useAction';

/** "Is this the customer's pass code?": asked of the CRM when online; offline it says it cannot tell. */
export function PassCodeCheck() {
  const [open, setOpen] = useState(false);
  const formId = useId();
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`${formId}-title`} className="pass-code-check">
      <h3 id={`${formId}-title`}>{t('find.passCode.title')}</h3>
      <button type="button" aria-expanded={open} aria-controls={formId} onClick={() => setOpen(!open)}>
        {open ? t('find.passCode.close') : t('find.passCode.open')}
      </button>
      {open ? <PassCodeForm id={formId} /> : null}
    </section>
  );
}

function PassCodeForm({ id }: { id: string }) {
  const { db, api, now } = useServices();
  const action = useAction();
  const [identifier, setIdentifier] = useState('');
  const [passCode, setPassCode] = useState('');
  const [verdict, setVerdict] = useState<PassCodeVerdict | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const answer = useRef<HTMLDivElement>(null);
  const { t } = useTranslation();
  // The verdict comes below the form: brought into view, clear of the sticky status bar (scroll-padding).
  useEffect(() => {
    if (verdict) answer.current?.scrollIntoView?.({ block: 'nearest' });
  }, [verdict]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setVerdict(null);
    setMissing(identifier.trim() === '' || passCode === '' ? t('find.passCode.missing') : null);
    if (identifier.trim() === '' || passCode === '') return;
    const online = () => navigator.onLine;
    await action.run(async () => setVerdict(await verifyPassCode({ db, api, now, online }, identifier.trim(), passCode)));
    setPassCode('');
  };

  return (
    <form id={id} aria-label={t('find.passCode.form')} noValidate onSubmit={(event) => void onSubmit(event)}>
      <Field label={t('find.passCode.identifier')} value={identifier} autoFocus onChange={setIdentifier} />
      <Field label={t('find.passCode.passCode')} type="password" autoComplete="off" value={passCode} onChange={setPassCode} />
      <button type="submit" className="primary" disabled={action.busy}>
        {action.busy ? t('find.passCode.checking') : t('find.passCode.submit')}
      </button>
      <ActionError error={missing ?? action.error} />
      <div ref={answer} role="status" className="verdict-slot">
        {verdict ? (
          <div className={`verdict verdict-${verdict.result}`}>
            <strong>{verdict.title}</strong>
            <p>{verdict.detail}</p>
          </div>
        ) : null}
      </div>
    </form>
  );
}
