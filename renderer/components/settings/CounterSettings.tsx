import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useServices } from '../../context';
import { saveCounterSettings } from '../../commands';
import { readCounterIdentity, readSyncConfig, syncConfigSchema, type SyncConfig } from '../../storage/meta';
import type { CounterIdentity } from '../../storage/rows';
import { Field } from '../Field';
import { ActionError, useAction } from '../useAction';

const SECOND = 1_000;

/** Terminal and operator names (on every audit row), the sync timer and the stock level: this counter's own settings. */
export function CounterSettings() {
  const { db } = useServices();
  // Read once: the form starts from what is stored and then holds what the operator types.
  const stored = useLiveQuery(async () => ({ identity: await readCounterIdentity(db), config: await readSyncConfig(db) }), [db]);
  if (!stored) return <p className="empty">Loading this counter’s settings…</p>;
  return <CounterForm identity={stored.identity} config={stored.config} />;
}

function wholeNumber(text: string, label: string): number {
  if (!/^\d+$/.test(text.trim())) throw new Error(`${label} must be a whole number.`);
  return Number(text.trim());
}

function CounterForm({ identity, config }: { identity: CounterIdentity; config: SyncConfig }) {
  const { db, scheduler } = useServices();
  const action = useAction();
  const [terminalName, setTerminalName] = useState(identity.terminalName);
  const [operatorName, setOperatorName] = useState(identity.operatorName);
  const [interval, setIntervalText] = useState(String(config.intervalMs / SECOND));
  const [stockLevel, setStockLevel] = useState(String(config.stockLevel));
  const [saved, setSaved] = useState(false);

  const save = async () => {
    const next = { intervalMs: wholeNumber(interval, 'Sync interval') * SECOND, stockLevel: wholeNumber(stockLevel, 'Stock level') };
    const checked = syncConfigSchema.pick({ intervalMs: true, stockLevel: true }).safeParse(next);
    if (!checked.success) throw new Error('Sync interval must be 5 to 3600 seconds, and the stock level 0 to 100.');
    const written = await saveCounterSettings({ db }, { terminalName, operatorName }, checked.data);
    scheduler.setIntervalMs(written.intervalMs);
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setSaved(await action.run(save));
  };

  return (
    <form aria-label="Counter" noValidate onSubmit={(event) => void onSubmit(event)}>
      <Field label="Terminal name" value={terminalName} placeholder="e.g. Counter 2" onChange={setTerminalName} />
      <Field label="Operator name" value={operatorName} hint="Stamped on every audit entry made at this counter." onChange={setOperatorName} />
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
