import { useTranslation } from '../../i18n';
import { useServices } from '../../context';
import { regenerateCode } from '../../commands';
import type { TokenRow } from '../../storage/rows';
import { ConfirmDialog } from '../ConfirmDialog';
import { useConfirmed } from '../useConfirmed';

/**
 * A new authentication code, made here (not by the CRM) so a retry can tell whether it landed; the
 * old code stops working once the CRM has it, so the operator is warned first.
 */
export function RegenerateCode({ token, onRegenerated }: { token: TokenRow; onRegenerated: () => void }) {
  const services = useServices();
  const { t } = useTranslation();
  const regenerate = useConfirmed(async () => {
    await regenerateCode(services, token.localId);
    onRegenerated();
  });
  return (
    <>
      <button type="button" onClick={regenerate.ask}>
        {t('token.regenerate.button')}
      </button>
      {regenerate.asking ? (
        <ConfirmDialog title={t('token.regenerate.title')} confirmLabel={t('token.regenerate.confirm')} danger {...regenerate.dialog}>
          <p>
            {t('token.regenerate.oldCode')} <strong className="code">{token.authenticationCode}</strong> {t('token.regenerate.warning')}
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
