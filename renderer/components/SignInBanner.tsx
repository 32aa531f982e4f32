import { useAppStore } from '../context';

/** Wrong credentials stop every sync: say so at the top, where it cannot be missed. */
export function SignInBanner() {
  const crm = useAppStore('sync', (state) => state.crm);
  if (crm !== 'loginFailed') return null;
  return (
    <div role="alert" className="banner banner-error">
      The CRM refused the sign-in. Check Settings — your changes stay queued.
    </div>
  );
}
