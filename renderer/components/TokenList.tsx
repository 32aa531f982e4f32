import { useAppStore } from '../context';
import type { TokenRow } from '../db/rows';
import { SYNC_STATUS_LABELS } from '../labels';
import { LIFE_CYCLE_LABELS } from '../../shared/token/lifeCycle';

/** Tokens as buttons that open Token detail. */
export function TokenList({ label, tokens }: { label: string; tokens: readonly TokenRow[] }) {
  const openToken = useAppStore('ui', (state) => state.openToken);
  return (
    <ul aria-label={label} className="token-list">
      {tokens.map((token) => (
        <li key={token.localId}>
          <button type="button" onClick={() => openToken(token.localId)}>
            <span className="code">{token.authenticationCode}</span>
            {' · '}
            <span className="identifier">{token.identifier ?? 'no identifier'}</span>
            {' · '}
            <span className={`state state-${token.lifeCycleState}`}>{LIFE_CYCLE_LABELS[token.lifeCycleState]}</span>
            {token.syncStatus === 'synced' ? null : (
              <>
                {' · '}
                <span className="sync">{SYNC_STATUS_LABELS[token.syncStatus]}</span>
              </>
            )}
          </button>
        </li>
      ))}
    </ul>
  );
}
