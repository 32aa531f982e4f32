import { switchFor, type SwitchTarget } from '../../../shared/token/lifeCycle';
import { useTranslation } from '../../i18n';
import { lifeCycleLabel } from '../../labels';
import { useServices } from '../../context';
import { switchState } from '../../commands';
import type { TokenRow } from '../../storage/rows';
import { ConfirmDialog } from '../ConfirmDialog';
import { useConfirmed } from '../useConfirmed';

/** Effective / Not effective, switched only after a confirmation that says what it means at the till. A pending token offers no switch, and says why. */
export function StateSwitch({ token }: { token: TokenRow }) {
  const offer = switchFor(token.lifeCycleState);
  const { t } = useTranslation();
  if (offer.target === null) {
    return (
      <p className="switch-row" role="note" aria-label={t('token.switch.label')}>
        {t('token.switch.pending')}
      </p>
    );
  }
  return <Switch token={token} target={offer.target} />;
}

function Switch({ token, target }: { token: TokenRow; target: SwitchTarget }) {
  const services = useServices();
  const effective = token.lifeCycleState === 'EFFECTIVE';
  const change = useConfirmed(() => switchState(services, token.localId, target));
  const { t } = useTranslation();
  const toEffective = target === 'EFFECTIVE';
  return (
    <div className="switch-row">
      <button type="button" role="switch" aria-checked={effective} aria-label={t('token.switch.effective')} className="switch" disabled={change.busy} onClick={change.ask}>
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        <span className="switch-text">{lifeCycleLabel(token.lifeCycleState)}</span>
      </button>
      {change.asking ? (
        <ConfirmDialog
          title={t(toEffective ? 'token.switch.toEffective' : 'token.switch.toNotEffective')}
          confirmLabel={t(toEffective ? 'token.switch.setEffective' : 'token.switch.setNotEffective')}
          danger={effective}
          {...change.dialog}
        >
          <p>{t(effective ? 'token.switch.stops' : 'token.switch.works', { code: token.authenticationCode })}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
