import { useTranslation } from '../../i18n';
import { Kbd } from '../Kbd';

export type SlipOffer = 'none' | 'changed';

/** "Print slip" for a token already issued; after a change that alters the slip, it says so and offers the new one. */
export function ReprintButton({ offer, onPrint }: { offer: SlipOffer; onPrint: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      {offer === 'changed' ? (
        <p role="status" className="saved">
          {t('token.slipChanged')}
        </p>
      ) : null}
      <button type="button" className={offer === 'changed' ? 'primary' : undefined} aria-keyshortcuts="Control+P" onClick={onPrint}>
        {offer === 'changed' ? t('token.printNew') : t('token.print')} <Kbd>Ctrl+P</Kbd>
      </button>
    </>
  );
}
