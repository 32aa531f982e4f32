import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState } from 'react';
import { useAppStore, useServices } from '../../context';
import { readClassifications } from '../../storage/meta';
import { refreshClassifications } from '../../sync/crmLookups';
import { forDisplay } from '../../../shared/text/displayText';

/** The CRM's token classifications (cached for offline use), refreshed when the picker is shown. */
export function ClassificationPicker() {
  const services = useServices();
  const id = useId();
  const value = useAppStore('issue', (state) => state.fields.classificationId);
  const setField = useAppStore('issue', (state) => state.setField);
  const classifications = useLiveQuery(() => readClassifications(services.db), [services.db]);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    refreshClassifications(services)
      .then((crm) => current && setNote(crm === 'ok' ? null : 'Showing the classifications saved on this counter; the CRM was not reached.'))
      .catch(() => current && setNote('Showing the classifications saved on this counter.'));
    return () => {
      current = false;
    };
  }, [services]);

  const chosen = classifications?.find((classification) => classification.id === value);
  const hint = chosen?.description ?? note ?? (classifications?.length === 0 ? 'No classifications known yet; they load when the CRM is reached.' : null);
  return (
    <div className="field">
      <label htmlFor={id}>Classification</label>
      <select id={id} value={value} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(event) => setField('classificationId', event.target.value)}>
        <option value="">None</option>
        {(classifications ?? []).map((classification) => (
          <option key={classification.id} value={classification.id}>
            {forDisplay(classification.name)}
          </option>
        ))}
      </select>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
