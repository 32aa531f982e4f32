import { useState, type FormEvent } from 'react';
import { settingsInputSchema, type SettingsView } from '../../../shared/ipc/contract';
import { useAppStore, useServices } from '../../context';
import { Details } from '../Details';
import { Field } from '../Field';
import { CrmDialectNote } from './CrmDialectNote';
import { ActionError, useAction } from '../useAction';

const REACH_TEXT = {
  ok: 'Connected: the CRM accepted the sign-in.',
  unreachable: 'The CRM cannot be reached. Check the CRM URL and the network.',
  unconfigured: 'Fill in the CRM URL, organisation, username and password to test them.',
  loginFailed: 'The CRM refused the sign-in. Check the organisation, unit, username and password.',
  localError: 'This counter could not open its own stored password or settings.',
} as const;

/** Pass codes queued for the CRM's earlier address are not sent to a new one until the operator says so. */
function WaitingMove({ from }: { from: string[] }) {
  const confirmMove = useAppStore('settings', (state) => state.confirmMove);
  if (from.length === 0) return null;
  return (
    <div role="alert" className="form-error">
      <p>{`Pass codes queued for ${from.map((origin) => origin || 'no CRM').join(', ')} are waiting: they are only sent to another CRM once you confirm the move.`}</p>
      <button type="button" onClick={() => void confirmMove()}>
        Confirm the move: send them to this CRM
      </button>
    </div>
  );
}

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
  const [allowUnencrypted, setAllowUnencrypted] = useState(view?.allowUnencrypted ?? false);
  const test = useAction();
  const [tested, setTested] = useState<{ text: string; details: string | null } | null>(null);
  const [tests, setTests] = useState(0);
  // An empty password field keeps the stored one; an unchanged unit is left out (kept).
  const input = () => {
    const changedUnit = unit.trim() === (view?.unit ?? '') ? {} : { unit };
    return { crmUrl, organisation, username, allowUnencrypted, ...changedUnit, ...(password === '' ? {} : { password }) };
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
      setTests((n) => n + 1);
    });

  return (
    <form aria-label="Settings" noValidate onSubmit={(event) => void onSubmit(event)}>
      {view?.damage ? (
        <p role="alert" className="form-error">
          {view.damage}
        </p>
      ) : null}
      <WaitingMove from={view?.waitingMoveFrom ?? []} />
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
        hint="A new CRM address needs the password typed again."
        onChange={setPassword}
      />
      <label className="check">
        <input type="checkbox" checked={allowUnencrypted} onChange={(event) => setAllowUnencrypted(event.target.checked)} />
        Allow an unencrypted CRM (plain http:// to another computer: the password and pass codes cross the network readable)
      </label>
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
      <CrmDialectNote version={tests} />
    </form>
  );
}
