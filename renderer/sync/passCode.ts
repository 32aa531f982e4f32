import type { CrmReach } from '../../shared/ipc/contract';
import type { TokenDeskApi } from '../../shared/ipc/tokenDeskApi';
import type { ServerToken } from '../../shared/token/serverToken';
import type { TokenDeskDatabase } from '../storage/database';
import { identifierSpellings } from '../storage/queries';
import { applyServerTokens } from '../storage/serverCopies';

export interface PassCodeVerdict {
  result: 'correct' | 'wrong' | 'unverified';
  /** The headline: "Pass code is correct", "Pass code is wrong", "No token matches", "Can't verify offline". */
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
  if (reply.valid === true) return correct(deps, identifier, reply.token, '');
  if (reply.valid === false) return notTaken(deps, identifier, sealed);
  return { result: 'unverified', title: "Can't verify now", detail: reply.message ?? 'The CRM did not say.' };
}

async function correct(deps: PassCodeDeps, identifier: string, token: ServerToken | null, note: string): Promise<PassCodeVerdict> {
  if (token) await applyServerTokens(deps.db, [token], deps.now());
  const number = token ? ` (token ${token.number})` : '';
  return { result: 'correct', title: 'Pass code is correct', detail: `The CRM confirms this pass code for ${identifier}${number}.${note}` };
}

/**
 * The CRM did not take the pair: says which part is wrong where this counter can tell. An identifier held
 * here only in other capitals is asked again as held (identifiers are case-sensitive in the CRM).
 */
async function notTaken(deps: PassCodeDeps, identifier: string, sealed: string): Promise<PassCodeVerdict> {
  const spellings = await identifierSpellings(deps.db, identifier);
  if (spellings.includes(identifier)) {
    return { result: 'wrong', title: 'Pass code is wrong', detail: `The CRM has a token with identifier ${identifier}, but not with this pass code.` };
  }
  for (const spelling of spellings) {
    const again = await deps.api.checkPassCode({ identifier: spelling, sealedPassCode: sealed });
    if (again.crm === 'ok' && again.valid === true) return correct(deps, spelling, again.token, ` It was typed as ${identifier}: capitals count in identifiers.`);
  }
  if (spellings.length > 0) {
    const held = spellings.join(', ');
    return { result: 'wrong', title: 'Pass code is wrong', detail: `This counter knows the identifier as ${held} (capitals count), and the CRM does not take this pass code for it.` };
  }
  return {
    result: 'wrong',
    title: 'No token matches',
    detail: `The CRM has no token with identifier ${identifier} and this pass code. Check the identifier (capitals count) and the pass code.`,
  };
}
