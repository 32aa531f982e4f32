import type { FormEvent } from 'react';
import { Field } from '../components/Field';
import { useAppStore } from '../context';

export function IssueScreen() {
  const fields = useAppStore('issue', (state) => state.fields);
  const errors = useAppStore('issue', (state) => state.errors);
  const formError = useAppStore('issue', (state) => state.formError);
  const submitting = useAppStore('issue', (state) => state.submitting);
  const passCodeGenerated = useAppStore('issue', (state) => state.passCodeGenerated);
  const setField = useAppStore('issue', (state) => state.setField);
  const generate = useAppStore('issue', (state) => state.generate);
  const submit = useAppStore('issue', (state) => state.submit);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };

  const passCodeHint =
    passCodeGenerated && fields.passCode !== '' ? (
      <>
        Generated pass code: <strong className="code">{fields.passCode}</strong> — tell it to the customer.
      </>
    ) : null;

  return (
    <section className="screen">
      <h2>Issue a token</h2>
      <IssuedPanel />
      <form aria-label="Issue token" noValidate onSubmit={onSubmit}>
        <Field label="Identifier" value={fields.identifier} error={errors.identifier} onChange={(value) => setField('identifier', value)}>
          <button type="button" onClick={() => void generate('identifier')}>
            Generate identifier
          </button>
        </Field>
        <Field
          label="Pass code"
          type="password"
          autoComplete="new-password"
          value={fields.passCode}
          error={errors.passCode}
          hint={passCodeHint}
          onChange={(value) => setField('passCode', value)}
        >
          <button type="button" onClick={() => void generate('passCode')}>
            Generate pass code
          </button>
        </Field>
        <Field
          label="Participant number (optional)"
          value={fields.participantNumber}
          error={errors.participantNumber}
          onChange={(value) => setField('participantNumber', value)}
        />
        {formError ? (
          <p role="alert" className="form-error">
            {formError}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={submitting}>
          Issue token
        </button>
      </form>
    </section>
  );
}

function IssuedPanel() {
  const issued = useAppStore('issue', (state) => state.issued);
  const openToken = useAppStore('ui', (state) => state.openToken);
  if (!issued) return null;
  return (
    <div className="issued">
      <p>
        Authentication code: <output aria-label="Issued authentication code">{issued.authenticationCode}</output>
      </p>
      <p>Identifier: {issued.identifier ?? 'none'}</p>
      <p>Queued — will sync when online</p>
      <button type="button" onClick={() => openToken(issued.localId)}>
        Open token
      </button>
    </div>
  );
}
