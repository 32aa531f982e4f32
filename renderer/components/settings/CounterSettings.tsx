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
  if (!stored) return <p className="empty">Loading this counter’s settings…</p>;
  return <CounterForm identity={stored.identity} lock={stored.lock} config={stored.config} />;
}

function wholeNumber(text: string, label: string): number {
  if (!/^\d+$/.test(text.trim())) throw new Error(`${label} must be a whole number.`);
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

  const save = async () => {
    const screenLock = screenLockSchema.safeParse({ idleMinutes: wholeNumber(idleMinutes, 'Lock the screen after') });
    if (!screenLock.success) throw new Error(screenLock.error.issues[0]?.message ?? 'Lock the screen after 1 to 120 minutes.');
    const next = { intervalMs: wholeNumber(interval, 'Sync interval') * SECOND, stockLevel: wholeNumber(stockLevel, 'Stock level') };
    const checked = syncConfigSchema.pick({ intervalMs: true, stockLevel: true }).safeParse(next);
    if (!checked.success) throw new Error('Sync interval must be 5 to 3600 seconds, and the stock level 0 to 100.');
    const written = await saveCounterSettings({ db, api }, { terminalName, ...screenLock.data }, checked.data);
    scheduler.setIntervalMs(written.intervalMs);
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setSaved(await action.run(save));
  };

  return (
    <form aria-label="Counter" noValidate onSubmit={(event) => void onSubmit(event)}>
      <Field label="Terminal name" value={terminalName} placeholder="e.g. Counter 2" hint="Stamped on every audit entry made at this counter, beside the signed-in operator." onChange={setTerminalName} />
      <Field label="Lock the screen after (minutes idle)" inputMode="numeric" value={idleMinutes} hint="1 to 120; the operator signs in again with their PIN." onChange={setIdleMinutes} />
      <Field label="Sync interval (seconds)" inputMode="numeric" value={interval} hint="5 to 3600; a sync also runs after each change." onChange={setIntervalText} />
      <Field label="Stock level" inputMode="numeric" value={stockLevel} hint="Not-associated tokens to keep for handing out offline (0 to 100)." onChange={setStockLevel} />
      <ActionError error={action.error} />
      {saved ? (
        <p role="status" className="saved">
          Counter settings saved
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={action.busy}>
        Save counter settings
      </button>
    </form>
  );
}
