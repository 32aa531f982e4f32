import { useTranslation } from '../../i18n';
import { useId, useState, type ChangeEvent } from 'react';
import { useServices } from '../../context';
import { importDefinition } from '../../commands';
import { definitionLines } from '../../definitionText';
import { errorMessage } from '../../errors';
import { useDefinition } from '../useDefinition';

/** What the active access token definition enforces, and importing one from a JSON file. */
export function DefinitionSettings() {
  const { db, api } = useServices();
  const definition = useDefinition();
  const inputId = useId();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; problems?: string[] } | null>(null);
  const { t } = useTranslation();

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setOutcome(null);
    try {
      const result = await importDefinition({ db, api }, file);
      setOutcome(result.ok ? { ok: true, text: t('settings.definition.imported', { name: result.definition.name }) } : { ok: false, text: result.error, problems: result.problems });
    } catch (error) {
      setOutcome({ ok: false, text: t('settings.definition.notImported', { reason: errorMessage(error) }) });
    } finally {
      input.value = '';
    }
  };

  return (
    <section aria-labelledby="definition-title" className="settings-section">
      <h3 id="definition-title">{t('settings.definition.title')}</h3>
      <p className="hint">{t('settings.definition.hint')}</p>
      {definition ? (
        <>
          <p>
            {t('settings.definition.active')} <strong>{definition.name}</strong>
          </p>
          <dl className="details">
            {definitionLines(definition).map(([what, rule]) => (
              <div key={what} className="details-row">
                <dt>{what}</dt>
                <dd>{rule}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : (
        <p className="empty">{t('settings.definition.loading')}</p>
      )}
      <div className="field">
        <label htmlFor={inputId}>{t('settings.definition.import')}</label>
        <input id={inputId} type="file" accept=".json,application/json" onChange={(event) => void onFile(event)} />
      </div>
      {outcome?.ok ? (
        <p role="status" className="saved">
          {outcome.text}
        </p>
      ) : null}
      {outcome && !outcome.ok ? (
        <div role="alert" className="form-error">
          <p>{outcome.text}</p>
          {outcome.problems && outcome.problems.length > 0 ? (
            <ul aria-label={t('settings.definition.problems')}>
              {outcome.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          ) : null}
          <p>{t('settings.definition.sample', { file: 'docs/sample-definition.json' })}</p>
        </div>
      ) : null}
    </section>
  );
}
