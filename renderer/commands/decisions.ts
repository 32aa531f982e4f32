import * as outbox from '../outbox';
import { LocalChangeError } from '../refusals';
import { readDefinition } from '../storage/meta';
import { seal, type CommandDeps } from './deps';

/** The operator's decisions on a change that needs them; the outbox carries each out in one transaction. */
type DecisionDeps = Pick<CommandDeps, 'db' | 'now'>;

/** Conflict: the CRM's value stays and my change is dropped. */
export const keepCrmValue = (deps: DecisionDeps, seq: number) => outbox.keepCrmValue(deps.db, seq, deps.now());

/** Conflict: my change goes again, based on the CRM's current copy. */
export const applyMine = (deps: DecisionDeps, seq: number) => outbox.applyMine(deps.db, seq, deps.now());

/** A refused change goes again as it is (its cause fixed in the CRM). */
export const retryChange = (deps: DecisionDeps, seq: number) => outbox.retryParked(deps.db, seq, deps.now());

/** A refused change is dropped for good (audited). */
export const discardChange = (deps: DecisionDeps, seq: number) => outbox.discardParked(deps.db, seq, deps.now());

/** A duplicate identifier: another one, and the change goes again with the same code. */
export async function fixIdentifier(deps: DecisionDeps, seq: number, identifier: string): Promise<void> {
  await outbox.fixParkedIdentifier(deps.db, seq, identifier.trim(), await readDefinition(deps.db), deps.now());
}

/** A refused verification code: the one the customer reads out again, sealed before it is queued. */
export async function fixVerificationCode(deps: DecisionDeps & Pick<CommandDeps, 'api'>, seq: number, verificationCode: string): Promise<void> {
  const code = verificationCode.trim();
  if (code === '') throw new LocalChangeError('Type the verification code the customer received.', 'verificationCode');
  await outbox.fixParkedVerification(deps.db, seq, await seal(deps, code), deps.now());
}
