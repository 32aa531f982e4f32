import { hasErrors } from '../../shared/token/definition';
import { generateFieldValue } from '../../shared/token/generate';
import { readClassifications, readDefinition } from '../storage/meta';
import { stockOnHand } from '../storage/queries';
import type { TokenRow } from '../storage/rows';
import { identityErrors, LocalChangeError } from '../refusals';
import { seal, type CommandDeps } from './deps';
import { handOutStock, issueToken } from './tokenWrites';

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

/** Issued (or handed out), or the form's errors (nothing written). */
export type IssueOutcome = { ok: true; token: TokenRow } | { ok: false; errors: IssueFieldErrors };

const MAX_PARTICIPANT_NUMBER = 64;
const orNull = (value: string): string | null => (value === '' ? null : value);
const typed = (fields: IssueFields) => ({ identifier: orNull(fields.identifier.trim()), passCode: orNull(fields.passCode) });

/** A new token, created in the CRM when synced: an authentication code made here, the pass code sealed. */
export async function issueNew(deps: CommandDeps, fields: IssueFields): Promise<IssueOutcome> {
  const { db, now, random } = deps;
  const definition = await readDefinition(db);
  const { identifier, passCode } = typed(fields);
  const participantNumber = orNull(fields.participantNumber.trim());
  const authenticationCode = generateFieldValue(definition.authenticationCode, random);
  const errors: IssueFieldErrors = identityErrors(definition, identifier, passCode, authenticationCode);
  if (participantNumber !== null && participantNumber.length > MAX_PARTICIPANT_NUMBER) {
    errors.participantNumber = `Participant number must be at most ${MAX_PARTICIPANT_NUMBER} characters.`;
  }
  if (hasErrors(errors)) return { ok: false, errors };
  const classificationId = orNull(fields.classificationId);
  const classification = (await readClassifications(db)).find((candidate) => candidate.id === classificationId);
  const sealedPassCode = passCode === null ? null : await seal(deps, passCode);
  const input = { identifier, sealedPassCode, participantNumber, authenticationCode, classificationId, classificationName: classification?.name ?? null };
  return { ok: true, token: await issueToken(db, input, now()) };
}

/** A stock token (the one picked, else the first on hand), with an identifier and pass code only when the operator gave them. */
export async function handOut(deps: CommandDeps, fields: IssueFields, stockLocalId: string | null): Promise<IssueOutcome> {
  const { db, now } = deps;
  const stock = stockLocalId === null ? (await stockOnHand(db, 1))[0] : await db.tokens.get(stockLocalId);
  if (!stock) throw new LocalChangeError('Pick a stock token to hand out.');
  const { identifier, passCode } = typed(fields);
  if (identifier === null && passCode === null) return { ok: true, token: await handOutStock(db, stock.localId, null, now()) };
  const errors = identityErrors(await readDefinition(db), identifier, passCode, stock.authenticationCode);
  // Without errors, both are given (a pass code alone, or an identifier alone, is an error).
  if (hasErrors(errors) || identifier === null || passCode === null) return { ok: false, errors };
  const sealedPassCode = await seal(deps, passCode);
  return { ok: true, token: await handOutStock(db, stock.localId, { identifier, sealedPassCode }, now()) };
}

/** A value for the identifier or the pass code, made by the active definition's rule. */
export async function generateValue(deps: Pick<CommandDeps, 'db' | 'random'>, field: 'identifier' | 'passCode'): Promise<string> {
  return generateFieldValue((await readDefinition(deps.db))[field], deps.random);
}
