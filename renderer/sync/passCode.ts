import { t } from '../i18n';
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

const unverified = (reach: Exclude<CrmReach, 'ok'>): PassCodeVerdict => ({
  result: 'unverified',
  title: t('find.passCode.offlineTitle'),
  detail: t(`find.passCode.${reach}`),
});

/**
 * Asks the CRM whether a pass code belongs to an identifier (show by identifier and pass code). The
 * pass code is sealed by main first; this counter never stores it.
 */
export async function verifyPassCode(deps: PassCodeDeps, identifier: string, passCode: string): Promise<PassCodeVerdict> {
  if (!deps.online()) return unverified('unreachable');
  const { sealed } = await deps.api.sealSecret({ plaintext: passCode });
  const reply = await deps.api.checkPassCode({ identifier, sealedPassCode: sealed });
  if (reply.crm !== 'ok') return unverified(reply.crm);
  if (reply.valid === true) return correct(deps, identifier, reply.token, null);
  if (reply.valid === false) return notTaken(deps, identifier, sealed);
  return { result: 'unverified', title: t('find.passCode.nowTitle'), detail: reply.message ?? t('find.passCode.notSaid') };
}

async function correct(deps: PassCodeDeps, identifier: string, token: ServerToken | null, typedAs: string | null): Promise<PassCodeVerdict> {
  if (token) await applyServerTokens(deps.db, [token], deps.now());
  const confirms = token ? t('find.passCode.correctNumber', { identifier, number: token.number }) : t('find.passCode.correct', { identifier });
  const note = typedAs === null ? '' : ` ${t('find.passCode.typedAs', { identifier: typedAs })}`;
  return { result: 'correct', title: t('find.passCode.correctTitle'), detail: `${confirms}${note}` };
}

/**
 * The CRM did not take the pair: says which part is wrong where this counter can tell. An identifier held
 * here only in other capitals is asked again as held (identifiers are case-sensitive in the CRM).
 */
async function notTaken(deps: PassCodeDeps, identifier: string, sealed: string): Promise<PassCodeVerdict> {
  const spellings = await identifierSpellings(deps.db, identifier);
  if (spellings.includes(identifier)) {
    return { result: 'wrong', title: t('find.passCode.wrongTitle'), detail: t('find.passCode.wrong', { identifier }) };
  }
  for (const spelling of spellings) {
    const again = await deps.api.checkPassCode({ identifier: spelling, sealedPassCode: sealed });
    if (again.crm === 'ok' && again.valid === true) return correct(deps, spelling, again.token, identifier);
  }
  if (spellings.length > 0) {
    return { result: 'wrong', title: t('find.passCode.wrongTitle'), detail: t('find.passCode.wrongSpelling', { held: spellings.join(', ') }) };
  }
  return { result: 'wrong', title: t('find.passCode.noneTitle'), detail: t('find.passCode.none', { identifier }) };
}
