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
  const regenerate = useConfirmed(async () => {
    await regenerateCode(services, token.localId);
    onRegenerated();
  });
  return (
    <>
      <button type="button" onClick={regenerate.ask}>
        Regenerate authentication code
      </button>
      {regenerate.asking ? (
        <ConfirmDialog title="Regenerate the authentication code?" confirmLabel="Regenerate code" danger {...regenerate.dialog}>
          <p>
            The old code <strong className="code">{token.authenticationCode}</strong> stops working as soon as the CRM has the new one:
            cards, key fobs and QR codes that carry it must be replaced. Print a new slip for the customer.
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
