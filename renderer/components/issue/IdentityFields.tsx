import { identifierHint, passCodeHint } from '../../definitionText';
import { useAppStore } from '../../context';
import { Field } from '../Field';
import { useDefinition } from '../useDefinition';

/** Identifier and pass code, with the definition's rules as hints and "Generate" buttons. */
export function IdentityFields({ autoFocus = false }: { autoFocus?: boolean }) {
  const definition = useDefinition();
  const fields = useAppStore('issue', (state) => state.fields);
  const errors = useAppStore('issue', (state) => state.errors);
  const passCodeGenerated = useAppStore('issue', (state) => state.passCodeGenerated);
  const setField = useAppStore('issue', (state) => state.setField);
  const generate = useAppStore('issue', (state) => state.generate);
  const rules = definition ? passCodeHint(definition) : null;
  const generated =
    passCodeGenerated && fields.passCode !== '' ? (
      <>
        Generated pass code: <strong className="code">{fields.passCode}</strong> — tell it to the customer.
      </>
    ) : null;
  // Side by side where the form is wide enough, so the whole Issue form fits a 768-pixel-high counter screen.
  return (
    <div className="field-pair">
      <Field
        label="Identifier"
        value={fields.identifier}
        error={errors.identifier}
        hint={definition ? identifierHint(definition) : undefined}
        autoFocus={autoFocus}
        onChange={(value) => setField('identifier', value)}
      >
        <button type="button" aria-label="Generate identifier" onClick={() => void generate('identifier')}>
          Generate
        </button>
      </Field>
      <Field
        label="Pass code"
        type="password"
        autoComplete="new-password"
        value={fields.passCode}
        error={errors.passCode}
        hint={
          rules === null && generated === null ? undefined : (
            <>
              {rules}
              {generated ? <span className="generated">{generated}</span> : null}
            </>
          )
        }
        onChange={(value) => setField('passCode', value)}
      >
        <button type="button" aria-label="Generate pass code" onClick={() => void generate('passCode')}>
          Generate
        </button>
      </Field>
    </div>
  );
}
