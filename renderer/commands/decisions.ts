import { t } from '../i18n';
import type { TokenDeskApi } from '../../shared/ipc/tokenDeskApi';
import * as outbox from '../outbox';
import { LocalChangeError } from '../refusals';
import { readDefinition } from '../storage/meta';
import { checkOwner } from '../sync/crmLookups';
import { seal, type CommandDeps } from './deps';
import { MAX_PARTICIPANT_NUMBER, ownerRefusal, type IssueDeps } from './issue';

/** The operator's decisions on a change that needs them; the outbox carries each out in one transaction. */
type DecisionDeps = Pick<CommandDeps, 'db' | 'now'>;

/** Conflict: the CRM's value stays and my change is dropped. */
export const keepCrmValue = (deps: DecisionDeps, seq: number) => outbox.keepCrmValue(deps.db, seq, deps.now());

/** Conflict: my change goes again, based on the CRM's current copy. */
export const applyMine = (deps: DecisionDeps, seq: number) => outbox.applyMine(deps.db, seq, deps.now());

/** A refused change goes again as it is (its cause fixed in the CRM). */
export const retryChange = (deps: DecisionDeps, seq: number) => outbox.retryParked(deps.db, seq, deps.now());

/** A manager's PIN, given on the spot to approve what a clerk may not do alone. */
export interface ManagerPin {
  operatorId: string;
  pin: string;
}

/**
 * A refused change is dropped for good: main first says who may (a manager, or a clerk with a manager's
 * PIN), and the audit row names the operator and the approving manager as main answered.
 */
export async function discardChange(deps: DecisionDeps & { api: Pick<TokenDeskApi, 'authorize'> }, seq: number, manager?: ManagerPin): Promise<void> {
  const { operator, approvedBy } = await deps.api.authorize({ action: 'discardChange', ...(manager ? { manager } : {}) });
  await outbox.discardParked(deps.db, seq, deps.now(), { operator, approvedBy });
}

/** A duplicate identifier: another one, and the change goes again with the same code. */
export async function fixIdentifier(deps: DecisionDeps, seq: number, identifier: string): Promise<void> {
  await outbox.fixParkedIdentifier(deps.db, seq, identifier.trim(), await readDefinition(deps.db), deps.now());
}

/**
 * A create refused for its participant: another participant (checked with the CRM first when it can be
 * asked, as on Issue), or none ('' or null), and the change goes again with the same code.
 */
export async function fixParticipant(deps: Pick<IssueDeps, 'db' | 'now' | 'api'>, seq: number, participantNumber: string | null): Promise<void> {
  const number = participantNumber?.trim() || null;
  if (number !== null) {
    if (number.length > MAX_PARTICIPANT_NUMBER) throw new LocalChangeError(t('refusals.participantTooLong', { max: MAX_PARTICIPANT_NUMBER }));
    const refusal = ownerRefusal(number, await checkOwner(deps, number, (await readDefinition(deps.db)).maxTokensPerOwner));
    if (refusal) throw new LocalChangeError(refusal);
  }
  await outbox.fixParkedParticipant(deps.db, seq, number, deps.now());
}

/** A refused verification code: the one the customer reads out again, sealed before it is queued. */
export async function fixVerificationCode(deps: DecisionDeps & Pick<CommandDeps, 'api'>, seq: number, verificationCode: string): Promise<void> {
  const code = verificationCode.trim();
  if (code === '') throw new LocalChangeError(t('refusals.typeVerification'), 'verificationCode');
  await outbox.fixParkedVerification(deps.db, seq, await seal(deps, code), deps.now());
}
