import { t, useTranslation } from '../i18n';
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
  if (result.crm === null) return t('token.stock.full', { onHand, level });
  if (result.crm === 'unreachable' || result.crm === 'unconfigured' || result.crm === 'loginFailed') return t(`token.stock.${result.crm}`);
  if (result.added === 0) return t('token.stock.noMore');
  return t('token.stock.added', { count: result.added });
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
  useTranslation();

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
    <Screen title={t('token.stock.title')}>
      <dl className="details stock-numbers">
        <dt>{t('token.stock.onHand')}</dt>
        <dd>{onHand ?? '…'}</dd>
        <dt>{t('token.stock.target')}</dt>
        <dd>{config ? t('token.stock.targetValue', { level: config.stockLevel }) : '…'}</dd>
        <dt>{t('token.stock.handedOut')}</dt>
        <dd>{handedOut ?? '…'}</dd>
      </dl>
      <div className="actions wrap">
        <button type="button" className="primary" disabled={action.busy} onClick={() => void refill()}>
          {action.busy ? t('token.stock.refilling') : t('token.stock.refill')}
        </button>
        <button type="button" disabled={!onHand} onClick={handOut}>
          {t('token.stock.handOut')}
        </button>
        <button type="button" onClick={() => show('settings')}>
          {t('token.stock.changeTarget')}
        </button>
      </div>
      <p role="status" className="refill-result">
        {result}
      </p>
      <ActionError error={action.error} />
      <h3>{t('token.stock.list')}</h3>
      {tokens === undefined ? <p className="empty">{t('token.stock.loading')}</p> : null}
      {tokens?.length === 0 ? <p className="empty">{t('token.stock.empty')}</p> : null}
      {tokens && tokens.length > 0 ? <TokenList label={t('token.stock.listLabel')} tokens={tokens} /> : null}
    </Screen>
  );
}
