import { t } from '../i18n';
import { hasErrors } from '../../shared/token/definition';
import { generateFieldValue } from '../../shared/token/generate';
import { readClassifications, readDefinition } from '../storage/meta';
import { stockOnHand } from '../storage/queries';
import type { TokenRow } from '../storage/rows';
import { identityErrors, LocalChangeError } from '../refusals';
import { checkOwner, type OwnerCheck } from '../sync/crmLookups';
import type { TokenDeskApi } from '../../shared/ipc/tokenDeskApi';
import { seal, type CommandDeps } from './deps';
import { handOutStock, issueToken } from './tokenWrites';

/** An issue also asks the CRM (through main) about the participant before it saves. */
export type IssueDeps = CommandDeps & { api: Pick<TokenDeskApi, 'participantTokens'> };

/** The issue form as typed. */
export interface IssueFields {
  identifier: string;
  passCode: string;
  participantNumber: string;
  /** '' for none. */
  classificationId: string;
}
export type IssueField = keyof IssueFields;
export type IssueFieldErrors = Partial<Record<IssueField, string>>;

/**
 * Issued (or handed out), or the form's errors (nothing written). `unconfirmed` says what the CRM could
 * not be asked before the save (it checks when the token syncs).
 */
export type IssueOutcome = { ok: true; token: TokenRow; unconfirmed: string | null } | { ok: false; errors: IssueFieldErrors };

export const MAX_PARTICIPANT_NUMBER = 64;
const orNull = (value: string): string | null => (value === '' ? null : value);
const typed = (fields: IssueFields) => ({ identifier: orNull(fields.identifier.trim()), passCode: orNull(fields.passCode) });

/** A new token, created in the CRM when synced: an authentication code made here, the pass code sealed. */
export async function issueNew(deps: IssueDeps, fields: IssueFields): Promise<IssueOutcome> {
  const { db, now, random } = deps;
  const definition = await readDefinition(db);
  const { identifier, passCode } = typed(fields);
  const participantNumber = orNull(fields.participantNumber.trim());
  const authenticationCode = generateFieldValue(definition.authenticationCode, random);
  const errors: IssueFieldErrors = identityErrors(definition, identifier, passCode, authenticationCode);
  if (participantNumber !== null && participantNumber.length > MAX_PARTICIPANT_NUMBER) {
    errors.participantNumber = t('refusals.participantTooLong', { max: MAX_PARTICIPANT_NUMBER });
  }
  if (hasErrors(errors)) return { ok: false, errors };
  const owner = participantNumber === null ? null : await checkOwner(deps, participantNumber, definition.maxTokensPerOwner);
  const refusal = owner && ownerRefusal(participantNumber ?? '', owner);
  if (refusal) return { ok: false, errors: { participantNumber: refusal } };
  const classificationId = orNull(fields.classificationId);
  const classification = (await readClassifications(db)).find((candidate) => candidate.id === classificationId);
  const sealedPassCode = passCode === null ? null : await seal(deps, passCode);
  const input = { identifier, sealedPassCode, participantNumber, authenticationCode, classificationId, classificationName: classification?.name ?? null };
  const unconfirmed = owner?.kind === 'unchecked' ? uncheckedNote(participantNumber ?? '', definition.maxTokensPerOwner) : null;
  return { ok: true, token: await issueToken(db, input, now()), unconfirmed };
}

/** Why the CRM would refuse a token for this participant, as the form says it; null when it would not. */
export function ownerRefusal(participantNumber: string, check: OwnerCheck): string | null {
  if (check.kind === 'unknown') return `The CRM has no participant ${participantNumber}. Check the number, or leave it empty to issue without a participant.`;
  if (check.kind !== 'atLimit') return null;
  const who = check.ownerName ? `Participant ${participantNumber} (${check.ownerName})` : `Participant ${participantNumber}`;
  return `${who} already has ${check.held} tokens, and the access token definition allows at most ${check.max} per owner. Leave the participant empty to issue a token without one.`;
}

function uncheckedNote(participantNumber: string, maxTokens: number | null): string {
  const what = maxTokens === null ? `participant ${participantNumber} was` : `participant ${participantNumber} and its limit of ${maxTokens} tokens were`;
  return `The CRM could not be asked, so ${what} not checked. The CRM checks when the token syncs; if it refuses, Pending offers the fix.`;
}

/** A stock token (the one picked, else the first on hand), with an identifier and pass code only when the operator gave them. */
export async function handOut(deps: CommandDeps, fields: IssueFields, stockLocalId: string | null): Promise<IssueOutcome> {
  const { db, now } = deps;
  const stock = stockLocalId === null ? (await stockOnHand(db, 1))[0] : await db.tokens.get(stockLocalId);
  if (!stock) throw new LocalChangeError(t('refusals.pickStock'));
  const { identifier, passCode } = typed(fields);
  if (identifier === null && passCode === null) return { ok: true, token: await handOutStock(db, stock.localId, null, now()), unconfirmed: null };
  const errors = identityErrors(await readDefinition(db), identifier, passCode, stock.authenticationCode);
  // Without errors, both are given (a pass code alone, or an identifier alone, is an error).
  if (hasErrors(errors) || identifier === null || passCode === null) return { ok: false, errors };
  const sealedPassCode = await seal(deps, passCode);
  return { ok: true, token: await handOutStock(db, stock.localId, { identifier, sealedPassCode }, now()), unconfirmed: null };
}

/** A value for the identifier or the pass code, made by the active definition's rule. */
export async function generateValue(deps: Pick<CommandDeps, 'db' | 'random'>, field: 'identifier' | 'passCode'): Promise<string> {
  return generateFieldValue((await readDefinition(deps.db))[field], deps.random);
}
