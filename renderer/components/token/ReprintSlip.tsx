import { Kbd } from '../Kbd';

export type SlipOffer = 'none' | 'changed';

/** "Print slip" for a token already issued; after a change that alters the slip, it says so and offers the new one. */
export function ReprintButton({ offer, onPrint }: { offer: SlipOffer; onPrint: () => void }) {
  return (
    <>
      {offer === 'changed' ? (
        <p role="status" className="saved">
          The slip has changed: print the new one for the customer.
        </p>
      ) : null}
      <button type="button" className={offer === 'changed' ? 'primary' : undefined} aria-keyshortcuts="Control+P" onClick={onPrint}>
        {offer === 'changed' ? 'Print the new slip' : 'Print slip'} <Kbd>Ctrl+P</Kbd>
      </button>
    </>
  );
}
