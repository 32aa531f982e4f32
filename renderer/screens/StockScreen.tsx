import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { TokenList } from '../components/TokenList';
import { useAction, ActionError } from '../components/useAction';
import { useAppStore, useServices } from '../context';
import { readSyncConfig } from '../storage/meta';
import { handedOutCount, stockCount, stockOnHand } from '../storage/queries';
import { goTo } from '../shortcuts';
import { topUpStock, type StockTopUp } from '../sync/downstream';
import { Screen } from '../components/Screen';

const LIST_LIMIT = 100;

function refillText(result: StockTopUp, level: number, onHand: number): string {
  if (result.crm === null) return `The stock is full: ${onHand} on hand, target ${level}.`;
  if (result.crm === 'unreachable') return 'The CRM cannot be reached; the stock refills at the next sync that reaches it.';
  if (result.crm === 'unconfigured') return 'No CRM is configured; set one in Settings to fill the stock.';
  if (result.crm === 'loginFailed') return 'The CRM refused the sign-in; check Settings.';
  if (result.added === 0) return 'The CRM has no more not-associated tokens to give.';
  return `Added ${result.added} ${result.added === 1 ? 'token' : 'tokens'} from the CRM.`;
}

/** Not-associated tokens this counter holds to hand out offline, the level it keeps, and "Refill now". */
export function StockScreen() {
  const services = useServices();
  const { db } = services;
  const onHand = useLiveQuery(() => stockCount(db), [db]);
  const handedOut = useLiveQuery(() => handedOutCount(db), [db]);
  const config = useLiveQuery(() => readSyncConfig(db), [db]);
  const tokens = useLiveQuery(() => stockOnHand(db, LIST_LIMIT), [db]);
  const show = useAppStore('ui', (state) => state.show);
  const action = useAction();
  const [result, setResult] = useState<string | null>(null);

  const refill = () =>
    action.run(async () => {
      setResult(null);
      const { stockLevel } = await readSyncConfig(db);
      // "Refill now" does not wait out the retry throttle a sync respects.
      const topUp = await topUpStock(services, { stockLevel, stockRetryMs: 0 });
      setResult(refillText(topUp, stockLevel, await stockCount(db)));
    });

  const handOut = () => {
    goTo(services, 'issue');
    services.issue.getState().setMode('stock');
  };

  return (
    <Screen title="Stock">
      <dl className="details stock-numbers">
        <dt>On hand</dt>
        <dd>{onHand ?? '…'}</dd>
        <dt>Target level</dt>
        <dd>{config ? `${config.stockLevel} (change it in Settings)` : '…'}</dd>
        <dt>Handed out here</dt>
        <dd>{handedOut ?? '…'}</dd>
      </dl>
      <div className="actions wrap">
        <button type="button" className="primary" disabled={action.busy} onClick={() => void refill()}>
          {action.busy ? 'Refilling…' : 'Refill now'}
        </button>
        <button type="button" disabled={!onHand} onClick={handOut}>
          Hand out a stock token
        </button>
        <button type="button" onClick={() => show('settings')}>
          Change the target level
        </button>
      </div>
      <p role="status" className="refill-result">
        {result}
      </p>
      <ActionError error={action.error} />
      <h3>Tokens on hand</h3>
      {tokens === undefined ? <p className="empty">Loading the stock…</p> : null}
      {tokens?.length === 0 ? (
        <p className="empty">No stock tokens on hand. The counter fetches not-associated tokens from the CRM at each sync; “Refill now” asks at once.</p>
      ) : null}
      {tokens && tokens.length > 0 ? <TokenList label="Stock tokens" tokens={tokens} /> : null}
    </Screen>
  );
}
