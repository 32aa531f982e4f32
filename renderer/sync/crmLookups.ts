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
  api: Pick<TokenDeskApi, 'refreshTokens' | 'participantTokens' | 'listClassifications'>;
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

/** Fetches the CRM's classifications into meta, for choosing one offline; says whether the CRM answered. */
export async function refreshClassifications(deps: LookupDeps): Promise<CrmReach> {
  const reply = await deps.api.listClassifications({});
  if (reply.crm === 'ok') await writeClassifications(deps.db, reply.classifications);
  return reply.crm;
}
