import type { CrmReach } from '../../shared/ipc/contract';
import type { TokenDeskApi } from '../../shared/ipc/tokenDeskApi';
import type { TokenDeskDatabase } from '../storage/database';
import { applyServerTokens } from '../storage/serverCopies';

export interface PassCodeVerdict {
  result: 'correct' | 'wrong' | 'unverified';
  /** The headline: "Pass code is correct", "Pass code is wrong", "Can't verify offline". */
  title: string;
  detail: string;
}

export interface PassCodeDeps {
  db: TokenDeskDatabase;
  api: Pick<TokenDeskApi, 'sealSecret' | 'checkPassCode'>;
  now: () => number;
  /** The browser's idea of being online; offline, the CRM is not asked. */
  online: () => boolean;
}

const OFFLINE_TITLE = "Can't verify offline";

const UNREACHED: Record<Exclude<CrmReach, 'ok'>, string> = {
  unreachable: 'The CRM cannot be reached; only the CRM knows pass codes. Try again when the counter is online.',
  unconfigured: 'No CRM is configured; only the CRM knows pass codes. Set one in Settings.',
  loginFailed: 'The CRM refused the sign-in; check Settings, then try again.',
  localError: "This counter could not open the pass code or its settings; see Settings, then try again.",
};

/**
 * Asks the CRM whether a pass code belongs to an identifier (show by identifier and pass code). The
 * pass code is sealed by main first; this counter never stores it.
 */
export async function verifyPassCode(deps: PassCodeDeps, identifier: string, passCode: string): Promise<PassCodeVerdict> {
  if (!deps.online()) return { result: 'unverified', title: OFFLINE_TITLE, detail: UNREACHED.unreachable };
  const { sealed } = await deps.api.sealSecret({ plaintext: passCode });
  const reply = await deps.api.checkPassCode({ identifier, sealedPassCode: sealed });
  if (reply.crm !== 'ok') return { result: 'unverified', title: OFFLINE_TITLE, detail: UNREACHED[reply.crm] };
  if (reply.valid === true) {
    if (reply.token) await applyServerTokens(deps.db, [reply.token], deps.now());
    const number = reply.token ? ` (token ${reply.token.number})` : '';
    return { result: 'correct', title: 'Pass code is correct', detail: `The CRM confirms this pass code for ${identifier}${number}.` };
  }
  if (reply.valid === false) {
    return { result: 'wrong', title: 'Pass code is wrong', detail: `The CRM has no token with identifier ${identifier} and this pass code.` };
  }
  return { result: 'unverified', title: "Can't verify now", detail: reply.message ?? 'The CRM did not say.' };
}
