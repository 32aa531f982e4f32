import { mainText, useTranslation } from '../../i18n';
import { useState, type FormEvent } from 'react';
import { settingsInputSchema, type SettingsView } from '../../../shared/ipc/contract';
import { useAppStore, useServices } from '../../context';
import { Details } from '../Details';
import { Field } from '../Field';
import { CrmDialectNote } from './CrmDialectNote';
import { ActionError, useAction } from '../useAction';
import { formProblem } from '../../plainProblems';

/** Pass codes queued for the CRM's earlier address are not sent to a new one until the operator says so. */
function WaitingMove({ from }: { from: string[] }) {
  const confirmMove = useAppStore('settings', (state) => state.confirmMove);
  const { t } = useTranslation();
  if (from.length === 0) return null;
  return (
    <div role="alert" className="form-error">
      <p>{t('settings.crmForm.waitingMove', { origins: from.map((origin) => origin || t('settings.crmForm.noCrm')).join(', ') })}</p>
      <button type="button" onClick={() => void confirmMove()}>
        {t('settings.crmForm.confirmMove')}
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
  const { t } = useTranslation();
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
      if (!checked.success) throw new Error(formProblem(checked.error));
      const reply = await api.testConnection({ settings: checked.data });
      const details = reply.words ? mainText(reply.words) : reply.message;
      setTested({ text: t(`settings.crmForm.reach.${reply.crm}`), details: reply.crm === 'ok' ? null : details });
      setTests((n) => n + 1);
    });

  return (
    <form aria-label={t('settings.crmForm.form')} noValidate onSubmit={(event) => void onSubmit(event)}>
      {view?.damage ? (
        <p role="alert" className="form-error">
          {view.damage}
        </p>
      ) : null}
      <WaitingMove from={view?.waitingMoveFrom ?? []} />
      <Field label={t('settings.crmForm.url')} type="url" value={crmUrl} placeholder="https://crm.example.com" onChange={setCrmUrl} />
      <Field label={t('settings.crmForm.organisation')} value={organisation} onChange={setOrganisation} />
      <Field label={t('settings.crmForm.unit')} value={unit} hint={t('settings.crmForm.unitHint')} onChange={setUnit} />
      <Field label={t('settings.crmForm.username')} value={username} autoComplete="username" onChange={setUsername} />
      <Field
        label={t('settings.crmForm.password')}
        type="password"
        autoComplete="current-password"
        value={password}
        placeholder={view?.passwordSet ? t('settings.crmForm.passwordStored') : t('settings.crmForm.noPassword')}
        hint={t('settings.crmForm.passwordHint')}
        onChange={setPassword}
      />
      <label className="check">
        <input type="checkbox" checked={allowUnencrypted} onChange={(event) => setAllowUnencrypted(event.target.checked)} />
        {t('settings.crmForm.unencrypted')}
      </label>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      {saved ? (
        <p role="status" className="saved">
          {t('settings.crmForm.saved')}
        </p>
      ) : null}
      <div className="actions wrap">
        <button type="submit" className="primary" disabled={saving}>
          {t('settings.crmForm.save')}
        </button>
        <button type="button" disabled={test.busy} onClick={() => void testConnection()}>
          {test.busy ? t('settings.crmForm.testing') : t('settings.crmForm.test')}
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
