import { t } from '../i18n';
import { generateFieldValue } from '../../shared/token/generate';
import type { SwitchTarget } from '../../shared/token/lifeCycle';
import { readDefinition } from '../storage/meta';
import type { TokenRow } from '../storage/rows';
import { seal, type CommandDeps } from './deps';
import { LocalChangeError, refuseAgainstDefinition } from '../refusals';
import { editToken, queueVerification, setLifeCycleState } from './tokenWrites';

/**
 * A new identifier with its pass code, or (the identifier kept as it is) a new pass code for it,
 * queued as one update.
 */
export async function editIdentifier(deps: CommandDeps, token: TokenRow, identifier: string, passCode: string): Promise<TokenRow> {
  const { db, now } = deps;
  const definition = await readDefinition(db);
  const next = identifier.trim();
  const keeps = next === token.identifier;
  // The pass code is checked here, before it is sealed; the identifier where it is written.
  refuseAgainstDefinition(definition, 'passCode', passCode);
  const sealedPassCode = await seal(deps, passCode);
  return editToken(db, token.localId, keeps ? { sealedPassCode } : { identifier: next, sealedPassCode }, now());
}

/** A new authentication code, made here by the definition's rule (so a retry can tell whether it landed). */
export async function regenerateCode(deps: CommandDeps, localId: string): Promise<TokenRow> {
  const { db, now, random } = deps;
  const definition = await readDefinition(db);
  return editToken(db, localId, { newAuthenticationCode: generateFieldValue(definition.authenticationCode, random) }, now());
}

/** Effective or not effective, queued. */
export function switchState(deps: Pick<CommandDeps, 'db' | 'now'>, localId: string, target: SwitchTarget): Promise<TokenRow> {
  return setLifeCycleState(deps.db, localId, target, deps.now());
}

/** The verification code the customer received, sealed by main before it is queued; the token turns effective once the CRM accepts it. */
export async function verifyToken(deps: CommandDeps, localId: string, verificationCode: string): Promise<TokenRow> {
  const code = verificationCode.trim();
  if (code === '') throw new LocalChangeError(t('refusals.typeVerification'), 'verificationCode');
  return queueVerification(deps.db, localId, await seal(deps, code), deps.now());
}
