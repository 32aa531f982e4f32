import type { ClassificationSummary, CrmReach } from '../../shared/ipc/contract';
import type { CrmMeaning } from '../../shared/crm/dialect';
import type { MainWords } from '../../shared/ipc/mainWords';
import type { WireAccessToken } from '../../shared/crm/wire';
import { oversizedField, toParticipantSummary, toServerToken, type ParticipantSummary, type ServerToken } from '../../shared/token/serverToken';
import type { CrmSession } from '../crm/crmSession';
import type { TokenOwner } from '../crm/crmClient';
import { CrmError } from '../crm/crmError';
import { errorMessage } from '../errorMessage';
import { wordsOf } from '../ipc/errorWords';
import { SecretHeldError, VaultError } from '../vault/vault';
import { openCrm, type OpenSession } from './crmAccess';
import { mapBounded } from './mapBounded';

export const READ_CONCURRENCY = 4;
const PAGE = 100;
const MAX_PAGES = 20;

type Reach = { crm: CrmReach; message: string | null; words: MainWords | null };

/**
 * Runs a read with a session; without one, or when the read fails in any way, the empty answer with
 * the reason and crm not 'ok': an empty answer with 'ok' would tell the screens the CRM has nothing.
 */
async function read<T extends object>(openSession: OpenSession, empty: T, work: (session: CrmSession) => Promise<T>): Promise<T & Reach> {
  const access = await openCrm(openSession);
  if (!access.ok) return { ...empty, crm: access.crm, message: access.message, words: access.words };
  try {
    return { ...(await work(access.session)), crm: 'ok', message: null, words: null };
  } catch (error) {
    if (error instanceof VaultError || error instanceof SecretHeldError) return { ...empty, crm: 'localError', message: errorMessage(error), words: wordsOf(error) };
    // The CRM's own refusal is said as such; anything else kept the answer from arriving.
    const words: MainWords = error instanceof CrmError ? wordsOf(error) : { code: 'crmUnreached', detail: errorMessage(error) };
    return { ...empty, crm: 'unreachable', message: `Could not ask the CRM: ${errorMessage(error)}`, words };
  }
}

/** The CRM answered, in words this server was heard to use, that it has no such thing. */
function says(session: CrmSession, error: unknown, meaning: CrmMeaning): boolean {
  return error instanceof CrmError && error.fromCrm && session.client.dialect().means(error.code, meaning);
}

/** The CRM's tokens as this app keeps them, without any too big to keep (each skipped one is reported). */
function bounded(session: CrmSession, tokens: WireAccessToken[]): ServerToken[] {
  return tokens.map(toServerToken).filter((token) => {
    const problem = oversizedField(token);
    if (problem) session.client.skipped({ what: `access token ${token.id}`, reason: problem });
    return problem === null;
  });
}

async function showOrNull(session: CrmSession, code: string): Promise<WireAccessToken | null> {
  try {
    return await session.call((client, token) => client.showToken(token, { authentication_code: code }));
  } catch (error) {
    if (says(session, error, 'tokenNotFound')) return null;
    throw error;
  }
}

/** Re-reads tokens by code, a few at a time; codes the CRM no longer knows come back as missing. */
export function refreshTokens(openSession: OpenSession, codes: readonly string[]) {
  return read(openSession, { tokens: [] as ServerToken[], missing: [] as string[] }, async (session) => {
    const found = await mapBounded(codes, READ_CONCURRENCY, (code) => showOrNull(session, code));
    return {
      tokens: bounded(session, found.filter((t): t is WireAccessToken => t !== null)),
      missing: codes.filter((_, i) => found[i] === null),
    };
  });
}

/** Every token of one owner, page by page. */
async function listAll(session: CrmSession, owner: TokenOwner): Promise<WireAccessToken[]> {
  const tokens: WireAccessToken[] = [];
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const batch = await session.call((client, token) => client.listTokens(token, { owner, numberOfResults: PAGE, offset: page * PAGE }));
    tokens.push(...batch);
    if (batch.length < PAGE) break;
  }
  return tokens;
}

/** A participant and every token it holds, page by page. */
export function participantTokens(openSession: OpenSession, participantNumber: string) {
  const empty = { participant: null as ParticipantSummary | null, tokens: [] as ServerToken[] };
  return read(openSession, empty, async (session) => {
    let participant;
    try {
      participant = await session.call((client, token) => client.showParticipant(token, { number: participantNumber }));
    } catch (error) {
      if (says(session, error, 'participantNotFound')) return empty;
      throw error;
    }
    const tokens = await listAll(session, { rewards_participant_identifier: { number: participantNumber } });
    return { participant: toParticipantSummary(participant), tokens: bounded(session, tokens) };
  });
}

/** An owner's tokens, or none when the CRM says it has no such owner (`notFound`, in this server's words). */
async function tokensOrNone(session: CrmSession, owner: TokenOwner, notFound: CrmMeaning): Promise<WireAccessToken[]> {
  try {
    return await listAll(session, owner);
  } catch (error) {
    if (says(session, error, notFound)) return [];
    throw error;
  }
}

/**
 * The tokens of a participant numbered `number` and of an accounts receivable numbered `number` (a
 * counter searching cannot tell which it was given), each token once.
 */
export function ownerTokens(openSession: OpenSession, number: string) {
  return read(openSession, { tokens: [] as ServerToken[] }, async (session) => {
    const byParticipant = await tokensOrNone(session, { rewards_participant_identifier: { number } }, 'participantNotFound');
    const byAccount = await tokensOrNone(session, { accounts_receivable_identifier: { number } }, 'accountNotFound');
    const seen = new Set(byParticipant.map((token) => token.id));
    return { tokens: bounded(session, [...byParticipant, ...byAccount.filter((token) => !seen.has(token.id))]) };
  });
}

/** Effective tokens not linked to anyone: the stock a counter hands out offline. */
export function fetchStock(openSession: OpenSession, count: number) {
  return read(openSession, { tokens: [] as ServerToken[] }, async (session) => ({
    tokens: bounded(session, await session.call((client, token) => client.getNotAssociated(token, count, 'EFFECTIVE'))),
  }));
}

/** Logs in with the stored settings: "test connection". */
export function testConnection(openSession: OpenSession) {
  return read(openSession, {}, async () => ({}));
}

/**
 * Whether an identifier and pass code belong together, asked of the CRM (show by identifier and pass
 * code). The pass code is opened for the session's CRM only, and only once signed in there.
 */
export function checkPassCode(openSession: OpenSession, identifier: string, openPassCode: (origin: string) => Promise<string>) {
  const empty = { valid: null as boolean | null, token: null as ServerToken | null };
  return read(openSession, empty, async (session) => {
    const passCode = await openPassCode(session.client.origin);
    try {
      const token = await session.call((client, t) => client.showToken(t, { identifier, pass_code: passCode }));
      return { valid: true, token: toServerToken(token) };
    } catch (error) {
      if (says(session, error, 'tokenNotFound')) return { valid: false, token: null };
      throw error;
    }
  });
}

export function listClassifications(openSession: OpenSession) {
  return read(openSession, { classifications: [] as ClassificationSummary[] }, async (session) => ({
    classifications: (await session.call((client, token) => client.listClassifications(token))).map(({ id, name, description }) => ({
      id,
      name,
      description,
    })),
  }));
}
