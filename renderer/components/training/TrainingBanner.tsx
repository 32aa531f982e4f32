import { useTranslation } from '../../i18n';
import { useServices } from '../../context';

/** On every screen while training: this is practice, and none of it is real. */
export function TrainingBanner() {
  const { training } = useServices();
  const { t } = useTranslation();
  if (!training) return null;
  return (
    <div role="note" aria-label={t('shell.banner.trainingLabel')} className="banner banner-training">
      {t('shell.banner.training')}
    </div>
  );
}
