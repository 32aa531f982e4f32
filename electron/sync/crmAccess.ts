import type { CrmReach } from '../../shared/ipc/contract';
import type { MainWords } from '../../shared/ipc/mainWords';
import type { CrmSession } from '../crm/crmSession';
import { CrmError } from '../crm/crmError';
import { errorMessage } from '../errorMessage';
import { wordsOf } from '../ipc/errorWords';
import { SettingsError } from '../settings/settingsFile';
import { VaultError } from '../vault/vault';

export type OpenSession = () => Promise<CrmSession | null>;

export type CrmAccess =
  | { ok: true; session: CrmSession }
  | { ok: false; crm: Exclude<CrmReach, 'ok'>; message: string; words: MainWords };

/** A logged-in session, or why there is none: no CRM configured, the sign-in refused, or no answer. */
export async function openCrm(openSession: OpenSession): Promise<CrmAccess> {
  try {
    const session = await openSession();
    if (session === null) return { ok: false, crm: 'unconfigured', message: 'No CRM is configured; changes stay queued.', words: { code: 'noCrm' } };
    await session.open();
    return { ok: true, session };
  } catch (error) {
    // This counter's own files (vault, settings) failed: not the CRM's fault, and not to be shown as such.
    if (error instanceof VaultError || error instanceof SettingsError) return { ok: false, crm: 'localError', message: errorMessage(error), words: wordsOf(error) };
    const loginRefused = error instanceof CrmError && error.kind !== 'temporary';
    return { ok: false, crm: loginRefused ? 'loginFailed' : 'unreachable', message: errorMessage(error), words: wordsOf(error) };
  }
}
