import type { CrmReach } from '../../shared/ipc/contract';
import type { CrmSession } from '../crm/crmSession';
import { CrmError } from '../crm/crmError';
import { errorMessage } from '../errorMessage';

export type OpenSession = () => Promise<CrmSession | null>;

export type CrmAccess =
  | { ok: true; session: CrmSession }
  | { ok: false; crm: Exclude<CrmReach, 'ok'>; message: string };

/** A logged-in session, or why there is none: no CRM configured, the sign-in refused, or no answer. */
export async function openCrm(openSession: OpenSession): Promise<CrmAccess> {
  try {
    const session = await openSession();
    if (session === null) return { ok: false, crm: 'unconfigured', message: 'No CRM is configured; changes stay queued.' };
    await session.open();
    return { ok: true, session };
  } catch (error) {
    const loginRefused = error instanceof CrmError && error.kind !== 'temporary';
    return { ok: false, crm: loginRefused ? 'loginFailed' : 'unreachable', message: errorMessage(error) };
  }
}
