import { useTranslation } from '../i18n';
import { useAppStore } from '../context';

/** Wrong credentials stop every sync: say so at the top, where it cannot be missed. */
export function SignInBanner() {
  const crm = useAppStore('sync', (state) => state.crm);
  const { t } = useTranslation();
  if (crm !== 'loginFailed') return null;
  return (
    <div role="alert" className="banner banner-error">
      {t('shell.banner.signInRefused')}
    </div>
  );
}
