import { useTranslation } from '../../i18n';
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
  const { t } = useTranslation();

  useEffect(() => {
    let current = true;
    refreshClassifications(services)
      .then((crm) => current && setNote(crm === 'ok' ? null : 'unreached'))
      .catch(() => current && setNote('saved'));
    return () => {
      current = false;
    };
  }, [services]);

  const chosen = classifications?.find((classification) => classification.id === value);
  const noteText = note === null ? null : t(`issue.classification.${note}`);
  const hint = chosen?.description ?? noteText ?? (classifications?.length === 0 ? t('issue.classification.noneKnown') : null);
  return (
    <div className="field">
      <label htmlFor={id}>{t('issue.classification.label')}</label>
      <select id={id} value={value} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(event) => setField('classificationId', event.target.value)}>
        <option value="">{t('issue.classification.none')}</option>
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
