import { t, useTranslation } from '../../i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useServices } from '../../context';
import { saveCounterSettings } from '../../commands';
import { readCounterIdentity, readScreenLock, readSyncConfig, screenLockSchema, syncConfigSchema, type ScreenLock, type SyncConfig } from '../../storage/meta';
import type { CounterIdentity } from '../../storage/rows';
import { Field } from '../Field';
import { ActionError, useAction } from '../useAction';

const SECOND = 1_000;

/**
 * The terminal name (on every audit row, beside the signed-in operator), when an idle screen locks, the
 * sync timer and the stock level: this counter's own settings.
 */
export function CounterSettings() {
  const { db } = useServices();
  // Read once: the form starts from what is stored and then holds what the operator types.
  const stored = useLiveQuery(async () => ({ identity: await readCounterIdentity(db), lock: await readScreenLock(db), config: await readSyncConfig(db) }), [db]);
  const { t } = useTranslation();
  if (!stored) return <p className="empty">{t('settings.counterForm.loading')}</p>;
  return <CounterForm identity={stored.identity} lock={stored.lock} config={stored.config} />;
}

function wholeNumber(text: string, label: string): number {
  if (!/^\d+$/.test(text.trim())) throw new Error(t('settings.counterForm.wholeNumber', { label }));
  return Number(text.trim());
}

function CounterForm({ identity, lock, config }: { identity: CounterIdentity; lock: ScreenLock; config: SyncConfig }) {
  const { db, api, scheduler } = useServices();
  const action = useAction();
  const [terminalName, setTerminalName] = useState(identity.terminalName);
  const [idleMinutes, setIdleMinutes] = useState(String(lock.idleMinutes));
  const [interval, setIntervalText] = useState(String(config.intervalMs / SECOND));
  const [stockLevel, setStockLevel] = useState(String(config.stockLevel));
  const [saved, setSaved] = useState(false);
  const { t } = useTranslation();

  const save = async () => {
    const screenLock = screenLockSchema.safeParse({ idleMinutes: wholeNumber(idleMinutes, t('settings.counterForm.lock')) });
    if (!screenLock.success) throw new Error(t('settings.counterForm.lockRange'));
    const next = { intervalMs: wholeNumber(interval, t('settings.counterForm.interval')) * SECOND, stockLevel: wholeNumber(stockLevel, t('settings.counterForm.stock')) };
    const checked = syncConfigSchema.pick({ intervalMs: true, stockLevel: true }).safeParse(next);
    if (!checked.success) throw new Error(t('settings.counterForm.syncRange'));
    const written = await saveCounterSettings({ db, api }, { terminalName, ...screenLock.data }, checked.data);
    scheduler.setIntervalMs(written.intervalMs);
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setSaved(await action.run(save));
  };

  return (
    <form aria-label={t('settings.counterForm.form')} noValidate onSubmit={(event) => void onSubmit(event)}>
      <Field
        label={t('settings.counterForm.terminal')}
        value={terminalName}
        placeholder={t('settings.counterForm.terminalPlaceholder')}
        hint={t('settings.counterForm.terminalHint')}
        onChange={setTerminalName}
      />
      <Field label={t('settings.counterForm.lock')} inputMode="numeric" value={idleMinutes} hint={t('settings.counterForm.lockHint')} onChange={setIdleMinutes} />
      <Field label={t('settings.counterForm.interval')} inputMode="numeric" value={interval} hint={t('settings.counterForm.intervalHint')} onChange={setIntervalText} />
      <Field label={t('settings.counterForm.stock')} inputMode="numeric" value={stockLevel} hint={t('settings.counterForm.stockHint')} onChange={setStockLevel} />
      <ActionError error={action.error} />
      {saved ? (
        <p role="status" className="saved">
          {t('settings.counterForm.saved')}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={action.busy}>
        {t('settings.counterForm.save')}
      </button>
    </form>
  );
}
