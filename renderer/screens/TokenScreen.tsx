import { useLiveQuery } from 'dexie-react-hooks';
import { LIFE_CYCLE_LABELS, oppositeState } from '../../shared/token/lifeCycle';
import { EditIdentifier } from '../components/EditIdentifier';
import { ParticipantTokens } from '../components/ParticipantTokens';
import { TokenSyncActions } from '../components/TokenSyncActions';
import { ActionError, useAction } from '../components/useAction';
import { useAppStore, useServices } from '../context';
import { setLifeCycleState } from '../db/localChanges';
import type { TokenRow } from '../db/rows';
import { formatTime, SYNC_STATUS_LABELS } from '../labels';

export function TokenScreen() {
  const { db } = useServices();
  const localId = useAppStore('ui', (state) => state.selectedTokenLocalId);
  const token = useLiveQuery(async () => (localId === null ? null : ((await db.tokens.get(localId)) ?? null)), [db, localId]);
  if (token === undefined) return null;
  if (token === null) {
    return (
      <section className="screen">
        <h2>Token not found</h2>
        <p>This token is not in the local cache. Search for it on the Find screen.</p>
      </section>
    );
  }
  return <TokenDetail token={token} />;
}

function participantText(token: TokenRow): string {
  const number = token.participant?.number ?? token.participantNumber;
  if (number === null) return 'None';
  const owner = token.participant?.ownerName;
  return owner ? `${number} — ${owner}` : number;
}

function TokenDetail({ token }: { token: TokenRow }) {
  const effective = token.lifeCycleState === 'EFFECTIVE';
  const syncText = SYNC_STATUS_LABELS[token.syncStatus] + (token.lastError ? ` — ${token.lastError}` : '');
  const participantNumber = token.participant?.number ?? token.participantNumber;
  return (
    <section className="screen">
      <h2>{token.number === null ? 'Token (not yet synced)' : `Token ${token.number}`}</h2>
      <dl className="details">
        <dt>Authentication code</dt>
        <dd className="code">{token.authenticationCode}</dd>
        <dt>Identifier</dt>
        <dd>{token.identifier ?? 'None'}</dd>
        <dt>Number</dt>
        <dd>{token.number ?? 'Assigned by the CRM when synced'}</dd>
        <dt>State</dt>
        <dd>{LIFE_CYCLE_LABELS[token.lifeCycleState]}</dd>
        <dt>Participant</dt>
        <dd>{participantText(token)}</dd>
        <dt>Sync status</dt>
        <dd className={`sync-${token.syncStatus}`}>{syncText}</dd>
        <dt>Last confirmed by CRM</dt>
        <dd>{formatTime(token.confirmedAt, 'Never')}</dd>
      </dl>
      <TokenSyncActions localId={token.localId} />
      <StateSwitch token={token} effective={effective} />
      <EditIdentifier key={token.localId} token={token} />
      {participantNumber === null ? null : <ParticipantTokens participantNumber={participantNumber} />}
    </section>
  );
}

function StateSwitch({ token, effective }: { token: TokenRow; effective: boolean }) {
  const { db, now } = useServices();
  const action = useAction();
  const toggle = () => action.run(() => setLifeCycleState(db, token.localId, oppositeState(token.lifeCycleState), now()));
  return (
    <div className="switch-row">
      <button
        type="button"
        role="switch"
        aria-checked={effective}
        aria-label="Effective"
        className="switch"
        disabled={action.busy}
        onClick={() => void toggle()}
      >
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        <span className="switch-text">{LIFE_CYCLE_LABELS[token.lifeCycleState]}</span>
      </button>
      <ActionError error={action.error} />
    </div>
  );
}
