import { useTranslation } from '../../i18n';
import { useEffect } from 'react';
import { useAppStore, useServices } from '../../context';
import { isManager } from '../../stores/operatorStore';
import { ActionError } from '../useAction';
import { useTrainingSwitch } from './useTrainingSwitch';

/** On first start (no CRM configured yet): a newcomer can practise at once against the simulated CRM. */
export function TrainingOffer() {
  const { training } = useServices();
  const view = useAppStore('settings', (state) => state.view);
  const load = useAppStore('settings', (state) => state.load);
  const trainingSwitch = useTrainingSwitch();
  const manager = useAppStore('operators', isManager);
  const { t } = useTranslation();
  useEffect(() => {
    if (view === null) void load();
  }, [view, load]);
  if (training || view === null || view.configured) return null;
  return (
    <aside aria-label={t('settings.training.offerLabel')} className="first-start-training">
      <p>
        <strong>{t('settings.training.offerTitle')}</strong> {t('settings.training.offerText')}
      </p>
      {manager ? (
        <button type="button" disabled={trainingSwitch.busy} onClick={() => void trainingSwitch.switchTo(true)}>
          {t('settings.training.offerStart')}
        </button>
      ) : (
        <p className="hint">{t('settings.training.offerAsk')}</p>
      )}
      <ActionError error={trainingSwitch.error} />
    </aside>
  );
}
