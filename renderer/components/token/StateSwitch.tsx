import { LIFE_CYCLE_LABELS, switchFor, type SwitchTarget } from '../../../shared/token/lifeCycle';
import { useServices } from '../../context';
import { switchState } from '../../commands';
import type { TokenRow } from '../../storage/rows';
import { ConfirmDialog } from '../ConfirmDialog';
import { useConfirmed } from '../useConfirmed';

/** Effective / Not effective, switched only after a confirmation that says what it means at the till. A pending token offers no switch, and says why. */
export function StateSwitch({ token }: { token: TokenRow }) {
  const offer = switchFor(token.lifeCycleState);
  if (offer.target === null) {
    return (
      <p className="switch-row" role="note" aria-label="Effective switch">
        {offer.reason}
      </p>
    );
  }
  return <Switch token={token} target={offer.target} />;
}

function Switch({ token, target }: { token: TokenRow; target: SwitchTarget }) {
  const services = useServices();
  const effective = token.lifeCycleState === 'EFFECTIVE';
  const targetLabel = LIFE_CYCLE_LABELS[target];
  const change = useConfirmed(() => switchState(services, token.localId, target));
  return (
    <div className="switch-row">
      <button type="button" role="switch" aria-checked={effective} aria-label="Effective" className="switch" disabled={change.busy} onClick={change.ask}>
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        <span className="switch-text">{LIFE_CYCLE_LABELS[token.lifeCycleState]}</span>
      </button>
      {change.asking ? (
        <ConfirmDialog title={`Set this token to ${targetLabel}?`} confirmLabel={`Set ${targetLabel.toLowerCase()}`} danger={effective} {...change.dialog}>
          <p>
            {effective
              ? `Token ${token.authenticationCode} stops working at the till once the CRM has the change (now if online, else at the next sync).`
              : `Token ${token.authenticationCode} works at the till again once the CRM has the change.`}
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
