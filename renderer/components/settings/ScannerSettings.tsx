import { useTranslation } from '../../i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useServices } from '../../context';
import { saveScannerSettings } from '../../commands';
import { readScannerConfig, type ScannerConfig } from '../../storage/meta';
import { Field } from '../Field';
import { ActionError, useAction } from '../useAction';

/** The barcode scanner: the beep after each scan, and what the scanner sends around each code. */
export function ScannerSettings() {
  const { db } = useServices();
  // Read once: the form starts from what is stored and then holds what the operator types.
  const stored = useLiveQuery(() => readScannerConfig(db), [db]);
  const { t } = useTranslation();
  return (
    <section aria-labelledby="scanner-title" className="settings-section">
      <h3 id="scanner-title">{t('settings.scanner.title')}</h3>
      {stored ? <ScannerForm stored={stored} /> : <p className="empty">{t('settings.scanner.loading')}</p>}
    </section>
  );
}

function ScannerForm({ stored }: { stored: ScannerConfig }) {
  const { db } = useServices();
  const action = useAction();
  const [sound, setSound] = useState(stored.sound);
  const [prefix, setPrefix] = useState(stored.prefix);
  const [suffix, setSuffix] = useState(stored.suffix);
  const [saved, setSaved] = useState(false);
  const { t } = useTranslation();
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setSaved(await action.run(() => saveScannerSettings({ db }, { sound, prefix, suffix })));
  };
  return (
    <form aria-label={t('settings.scanner.title')} noValidate onSubmit={(event) => void onSubmit(event)}>
      <label className="choice">
        <input type="checkbox" checked={sound} onChange={(event) => setSound(event.target.checked)} />
        {t('settings.scanner.beep')}
      </label>
      <Field label={t('settings.scanner.prefix')} value={prefix} hint={t('settings.scanner.prefixHint')} onChange={setPrefix} />
      <Field label={t('settings.scanner.suffix')} value={suffix} hint={t('settings.scanner.suffixHint')} onChange={setSuffix} />
      <ActionError error={action.error} />
      {saved ? (
        <p role="status" className="saved">
          {t('settings.scanner.saved')}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={action.busy}>
        {t('settings.scanner.save')}
      </button>
    </form>
  );
}
