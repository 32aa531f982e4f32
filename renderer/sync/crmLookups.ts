import type { CrmReach } from '../../shared/ipc/contract';
import type { TokenDeskApi } from '../../shared/ipc/tokenDeskApi';
import type { ParticipantSummary } from '../../shared/token/serverToken';
import type { TokenDeskDatabase } from '../storage/database';
import { applyMissing, applyServerTokens } from '../storage/serverCopies';
import { writeClassifications } from '../storage/meta';
import { knownParticipant, tokenByCode } from '../storage/queries';
import type { TokenRow } from '../storage/rows';
import { errorMessage } from '../errors';

/** Reads the screens make of the CRM, one at a time, outside a sync. */
export interface LookupDeps {
  db: TokenDeskDatabase;
  api: Pick<TokenDeskApi, 'refreshTokens' | 'participantTokens' | 'ownerTokens' | 'listClassifications'>;
  now: () => number;
}

/** What the CRM said when asked about one token. */
export type Confirmation =
  | { kind: 'confirmed' }
  | { kind: 'missing' }
  | { kind: 'unreached'; crm: Exclude<CrmReach, 'ok'>; message: string | null }
  | { kind: 'failed'; message: string };

/** Re-reads one token by its code and applies the answer (never over a queued local change). */
export async function confirmWithCrm(deps: LookupDeps, code: string): Promise<Confirmation> {
  const { db, api, now } = deps;
  try {
    const reply = await api.refreshTokens({ authenticationCodes: [code] });
    if (reply.crm !== 'ok') return { kind: 'unreached', crm: reply.crm, message: reply.message };
    await applyServerTokens(db, reply.tokens, now());
    if (reply.tokens.length > 0) return { kind: 'confirmed' };
    await applyMissing(db, [code], now());
    return { kind: 'missing' };
  } catch (error) {
    return { kind: 'failed', message: errorMessage(error) };
  }
}

/** A code this counter does not hold: asks the CRM, caches the token it knows and returns it. */
export async function fetchByCode(deps: LookupDeps, code: string): Promise<{ token: TokenRow | null; confirmation: Confirmation }> {
  const confirmation = await confirmWithCrm(deps, code);
  const token = confirmation.kind === 'confirmed' ? await tokenByCode(deps.db, code) : null;
  return { token, confirmation };
}

/** A participant as known: 'crm' when the CRM answered (participant null: it has none by that number). */
export interface ParticipantLookup {
  participant: ParticipantSummary | null;
  source: 'cache' | 'crm';
}

/**
 * The cache's idea of a participant at once; `onCrm` gets the CRM's answer when it can be asked (its
 * tokens are cached), `onMissed` why it could not (null: the CRM was not reached; else what failed).
 */
export async function lookUpParticipant(
  deps: LookupDeps,
  participantNumber: string,
  onCrm: (lookup: ParticipantLookup) => void,
  onMissed: (failure: string | null) => void = () => undefined,
): Promise<ParticipantLookup> {
  const cached: ParticipantLookup = { participant: await knownParticipant(deps.db, participantNumber), source: 'cache' };
  void deps.api
    .participantTokens({ participantNumber })
    .then(async (reply) => {
      if (reply.crm !== 'ok') return onMissed(null);
      await applyServerTokens(deps.db, reply.tokens, deps.now());
      onCrm({ participant: reply.participant, source: 'crm' });
    })
    .catch((error: unknown) => onMissed(errorMessage(error)));
  return cached;
}

/** What the CRM said when asked for an owner's tokens: how many it has, or that it could not be asked. */
export type OwnerSearch = { kind: 'found'; count: number } | { kind: 'unreached' };

/** A number Find may ask the CRM about: a participant's or an account's number (digits, as CRM.COM numbers them). */
export const looksLikeOwnerNumber = (text: string): boolean => /^\d{1,64}$/.test(text);

/**
 * Asks the CRM for the tokens of the participant or the account numbered `number` and caches them, so
 * Find lists them like any cached token (it matches participant and account numbers).
 */
export async function fetchOwnerTokens(deps: LookupDeps, number: string): Promise<OwnerSearch> {
  try {
    const reply = await deps.api.ownerTokens({ number });
    if (reply.crm !== 'ok') return { kind: 'unreached' };
    await applyServerTokens(deps.db, reply.tokens, deps.now());
    return { kind: 'found', count: reply.tokens.length };
  } catch {
    return { kind: 'unreached' };
  }
}

/** What the CRM said of a participant before a token is issued for it. */
export type OwnerCheck =
  | { kind: 'ok' }
  | { kind: 'unknown' }
  | { kind: 'atLimit'; held: number; max: number; ownerName: string | null }
  /** The CRM could not be asked (offline, not configured, no answer in time): it checks when the token syncs. */
  | { kind: 'unchecked' };

/** How long the save waits for the CRM before it saves unchecked, as it would offline. */
export const OWNER_CHECK_MS = 8_000;

/** Tokens of this participant made here and not yet created in the CRM (not among the CRM's own). */
async function queuedFor(db: TokenDeskDatabase, participantNumber: string, crmCodes: ReadonlySet<string>): Promise<number> {
  return db.tokens
    .where('participantNumber')
    .equals(participantNumber)
    .filter((token) => token.serverId === null && !crmCodes.has(token.authenticationCode))
    .count();
}

/**
 * Asks the CRM (through main) whether the participant exists and has room for one more token under
 * the definition's limit, counting this counter's queued ones too. The tokens the CRM lists are cached.
 */
export async function checkOwner(
  deps: Pick<LookupDeps, 'db' | 'now'> & { api: Pick<TokenDeskApi, 'participantTokens'> },
   participantNumber: string,
  maxTokens: number | null,
  waitMs = OWNER_CHECK_MS,
): Promise<OwnerCheck> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), waitMs);
  });
  const asked = deps.api.participantTokens({ participantNumber }).catch(() => null);
  const reply = await Promise.race([asked, late]).finally(() => clearTimeout(timer));
  if (reply === null || reply.crm !== 'ok') return { kind: 'unchecked' };
  if (reply.participant === null) return { kind: 'unknown' };
  await applyServerTokens(deps.db, reply.tokens, deps.now());
  if (maxTokens === null) return { kind: 'ok' };
  const held = reply.tokens.length + (await queuedFor(deps.db, participantNumber, new Set(reply.tokens.map((t) => t.authenticationCode))));
  const ownerName = reply.participant.ownerName ?? reply.participant.accountName;
  return held >= maxTokens ? { kind: 'atLimit', held, max: maxTokens, ownerName } : { kind: 'ok' };
}

/** Fetches the CRM's classifications into meta, for choosing one offline; says whether the CRM answered. */
export async function refreshClassifications(deps: LookupDeps): Promise<CrmReach> {
  const reply = await deps.api.listClassifications({});
  if (reply.crm === 'ok') await writeClassifications(deps.db, reply.classifications);
  return reply.crm;
}
