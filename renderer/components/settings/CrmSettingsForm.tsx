import { useState, type FormEvent } from 'react';
import { settingsInputSchema, type SettingsView } from '../../../shared/ipc/contract';
import { useAppStore, useServices } from '../../context';
import { Details } from '../Details';
import { Field } from '../Field';
import { ActionError, useAction } from '../useAction';

const REACH_TEXT = {
  ok: 'Connected: the CRM accepted the sign-in.',
  unreachable: 'The CRM cannot be reached. Check the CRM URL and the network.',
  unconfigured: 'Fill in the CRM URL, organisation, username and password to test them.',
  loginFailed: 'The CRM refused the sign-in. Check the organisation, unit, username and password.',
} as const;

/** CRM URL, organisation, unit, username and password; "Test connection" signs in with the values on screen, saving nothing. */
export function CrmSettingsForm({ view }: { view: SettingsView | null }) {
  const saving = useAppStore('settings', (state) => state.saving);
  const saved = useAppStore('settings', (state) => state.saved);
  const error = useAppStore('settings', (state) => state.error);
  const save = useAppStore('settings', (state) => state.save);
  const { api, autoSync, scheduler } = useServices();
  const [crmUrl, setCrmUrl] = useState(view?.crmUrl ?? '');
  const [organisation, setOrganisation] = useState(view?.organisation ?? '');
  const [unit, setUnit] = useState(view?.unit ?? '');
  const [username, setUsername] = useState(view?.username ?? '');
  const [password, setPassword] = useState('');
  const test = useAction();
  const [tested, setTested] = useState<{ text: string; details: string | null } | null>(null);
  // An empty password field keeps the stored one; an unchanged unit is left out (kept).
  const input = () => {
    const changedUnit = unit.trim() === (view?.unit ?? '') ? {} : { unit };
    return { crmUrl, organisation, username, ...changedUnit, ...(password === '' ? {} : { password }) };
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setTested(null);
    const ok = await save(input());
    if (!ok) return;
    setPassword('');
    // New settings may fix what stopped the sync (a wrong password): try at once.
    if (autoSync) void scheduler.syncNow();
  };
  const testConnection = () =>
    test.run(async () => {
      setTested(null);
      const checked = settingsInputSchema.safeParse(input());
      if (!checked.success) throw new Error(checked.error.issues[0]?.message ?? 'These settings are not valid.');
      const reply = await api.testConnection({ settings: checked.data });
      setTested({ text: REACH_TEXT[reply.crm], details: reply.crm === 'ok' ? null : reply.message });
    });

  return (
    <form aria-label="Settings" noValidate onSubmit={(event) => void onSubmit(event)}>
      <Field label="CRM URL" type="url" value={crmUrl} placeholder="https://crm.example.com" onChange={setCrmUrl} />
      <Field label="Organisation" value={organisation} onChange={setOrganisation} />
      <Field label="Unit (optional)" value={unit} hint="The CRM unit this counter signs in to, if your CRM uses units." onChange={setUnit} />
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
      <div className="actions wrap">
        <button type="submit" className="primary" disabled={saving}>
          Save CRM sign-in
        </button>
        <button type="button" disabled={test.busy} onClick={() => void testConnection()}>
          {test.busy ? 'Testing…' : 'Test connection'}
        </button>
      </div>
      <p role="status" className="test-result">
        {tested?.text}
      </p>
      <Details text={tested?.details ?? null} />
      <ActionError error={test.error} />
    </form>
  );
}
