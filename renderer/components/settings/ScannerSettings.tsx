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
  return (
    <section aria-labelledby="scanner-title" className="settings-section">
      <h3 id="scanner-title">Barcode scanner</h3>
      {stored ? <ScannerForm stored={stored} /> : <p className="empty">Loading the scanner settings…</p>}
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
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setSaved(await action.run(() => saveScannerSettings({ db }, { sound, prefix, suffix })));
  };
  return (
    <form aria-label="Barcode scanner" noValidate onSubmit={(event) => void onSubmit(event)}>
      <label className="choice">
        <input type="checkbox" checked={sound} onChange={(event) => setSound(event.target.checked)} />
        Beep after each scan
      </label>
      <Field label="Prefix" value={prefix} hint="Characters the scanner sends before each code (up to 8); taken off. Empty: none." onChange={setPrefix} />
      <Field label="Suffix" value={suffix} hint="Characters the scanner sends after each code, before Enter (up to 8); taken off." onChange={setSuffix} />
      <ActionError error={action.error} />
      {saved ? (
        <p role="status" className="saved">
          Scanner settings saved
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={action.busy}>
        Save scanner settings
      </button>
    </form>
  );
}
