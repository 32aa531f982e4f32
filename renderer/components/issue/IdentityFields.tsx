import { useTranslation } from '../../i18n';
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
  const { t } = useTranslation();
  const rules = definition ? passCodeHint(definition) : null;
  const generated =
    passCodeGenerated && fields.passCode !== '' ? (
      <>
        {t('issue.generated')} <strong className="code">{fields.passCode}</strong> {t('issue.tellCustomer')}
      </>
    ) : null;
  // Side by side where the form is wide enough, so the whole Issue form fits a 768-pixel-high counter screen.
  return (
    <div className="field-pair">
      <Field
        label={t('issue.identifier')}
        value={fields.identifier}
        error={errors.identifier}
        hint={definition ? identifierHint(definition) : undefined}
        autoFocus={autoFocus}
        onChange={(value) => setField('identifier', value)}
      >
        <button type="button" aria-label={t('issue.generateIdentifier')} onClick={() => void generate('identifier')}>
          {t('issue.generate')}
        </button>
      </Field>
      <Field
        label={t('issue.passCode')}
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
        <button type="button" aria-label={t('issue.generatePassCode')} onClick={() => void generate('passCode')}>
          {t('issue.generate')}
        </button>
      </Field>
    </div>
  );
}
