import { useEffect, useState, type FormEvent } from 'react';
import type { SettingsView } from '../../shared/ipc/contract';
import { Field } from '../components/Field';
import { useAppStore, useServices } from '../context';

export function SettingsScreen() {
  const view = useAppStore('settings', (state) => state.view);
  const loading = useAppStore('settings', (state) => state.loading);
  const load = useAppStore('settings', (state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section className="screen">
      <h2>Settings</h2>
      <p className="hint">
        {view?.configured
          ? 'Changes made at this counter are sent to this CRM.'
          : 'No CRM configured: the counter works offline and keeps every change queued.'}
      </p>
      {/* Re-mount the form whenever the stored settings change so it starts from them. */}
      {loading && !view ? null : <SettingsForm key={JSON.stringify(view)} view={view} />}
    </section>
  );
}

function SettingsForm({ view }: { view: SettingsView | null }) {
  const saving = useAppStore('settings', (state) => state.saving);
  const saved = useAppStore('settings', (state) => state.saved);
  const error = useAppStore('settings', (state) => state.error);
  const save = useAppStore('settings', (state) => state.save);
  const { autoSync, scheduler } = useServices();
  const [crmUrl, setCrmUrl] = useState(view?.crmUrl ?? '');
  const [organisation, setOrganisation] = useState(view?.organisation ?? '');
  const [username, setUsername] = useState(view?.username ?? '');
  const [password, setPassword] = useState('');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // An empty password field keeps the stored one.
    const ok = await save({ crmUrl, organisation, username, ...(password === '' ? {} : { password }) });
    if (!ok) return;
    setPassword('');
    // New settings may fix what stopped the sync (a wrong password): try at once.
    if (autoSync) void scheduler.syncNow();
  };

  return (
    <form aria-label="Settings" noValidate onSubmit={(event) => void onSubmit(event)}>
      <Field label="CRM URL" type="url" value={crmUrl} placeholder="https://crm.example.com" onChange={setCrmUrl} />
      <Field label="Organisation" value={organisation} onChange={setOrganisation} />
      <Field label="Username" value={username} autoComplete="username" onChange={setUsername} />
      <Field
        label="Password"
        type="password"
        autoComplete="current-password"
        value={password}
        placeholder={view?.passwordSet ? 'A password is stored — leave blank to keep it' : 'No password stored'}
        onChange={setPassword}
      />
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      {saved ? (
        <p role="status" className="saved">
          Settings saved
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={saving}>
        Save settings
      </button>
    </form>
  );
}
