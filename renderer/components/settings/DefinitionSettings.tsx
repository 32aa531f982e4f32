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

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setOutcome(null);
    try {
      const result = await importDefinition({ db, api }, file);
      setOutcome(result.ok ? { ok: true, text: `Definition “${result.definition.name}” imported; it applies from now on.` } : { ok: false, text: result.error, problems: result.problems });
    } catch (error) {
      setOutcome({ ok: false, text: `The definition was not imported: ${errorMessage(error)}` });
    } finally {
      input.value = '';
    }
  };

  return (
    <section aria-labelledby="definition-title" className="settings-section">
      <h3 id="definition-title">Access token definition</h3>
      <p className="hint">
        CRM.COM keeps it in its back office, with no API: export the active one as JSON and import it here, so this counter enforces the
        same rules offline.
      </p>
      {definition ? (
        <>
          <p>
            Active: <strong>{definition.name}</strong>
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
        <p className="empty">Loading the definition…</p>
      )}
      <div className="field">
        <label htmlFor={inputId}>Import definition (JSON file)</label>
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
            <ul aria-label="Problems in the file">
              {outcome.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          ) : null}
          <p>
            See <code>docs/sample-definition.json</code> for a definition this app accepts.
          </p>
        </div>
      ) : null}
    </section>
  );
}
