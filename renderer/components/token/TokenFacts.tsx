import type { ParticipantSummary } from '../../../shared/token/serverToken';
import type { TokenRow } from '../../storage/rows';
import { participantText, useKnownParticipant } from '../useKnownParticipant';
import { formatCrmDate, formatTime, lifeCycleLabel, syncStatusLabel } from '../../labels';
import { forDisplayOrNull } from '../../../shared/text/displayText';

function accountText(token: TokenRow, account: ParticipantSummary | null): string {
  if (!account?.accountNumber) return token.participantNumber === null ? 'None' : 'Known once the CRM confirms the token';
  return account.accountName ? `${account.accountNumber} — ${account.accountName}` : account.accountNumber;
}

/** The CRM's log information: when and by whom. */
function logText(date: string | null, user: string | null): string {
  if (date === null) return 'Not in the CRM yet';
  return user ? `${formatCrmDate(date)} by ${user}` : formatCrmDate(date);
}

/** Every field this counter knows of the token, the CRM's log information included. */
export function TokenFacts({ token }: { token: TokenRow }) {
  const participant = useKnownParticipant(token);
  const syncText = syncStatusLabel(token.syncStatus) + (token.lastError ? ` — ${token.lastError}` : '');
  return (
    <dl className="details">
      <dt>Authentication code</dt>
      <dd className="code">{token.authenticationCode}</dd>
      <dt>Identifier</dt>
      <dd>{forDisplayOrNull(token.identifier) ?? 'None'}</dd>
      <dt>Number</dt>
      <dd>{token.number ?? 'Assigned by the CRM when synced'}</dd>
      <dt>State</dt>
      <dd>{lifeCycleLabel(token.lifeCycleState)}</dd>
      <dt>Classification</dt>
      <dd>{forDisplayOrNull(token.classificationName) ?? 'None'}</dd>
      <dt>Participant</dt>
      <dd>{participantText(token, participant)}</dd>
      <dt>Account (owner’s account)</dt>
      <dd>{accountText(token, participant)}</dd>
      <dt>Created in CRM</dt>
      <dd>{logText(token.serverCreatedDate, token.createdBy)}</dd>
      <dt>Updated in CRM</dt>
      <dd>{logText(token.serverUpdatedDate, token.updatedBy)}</dd>
      <dt>Sync status</dt>
      <dd className={`sync-${token.syncStatus}`}>{syncText}</dd>
      <dt>Last confirmed by CRM</dt>
      <dd>{formatTime(token.confirmedAt, 'Never')}</dd>
      <dt>Stock</dt>
      <dd>{token.stock === 1 ? 'In stock at this counter' : token.stock === 2 ? 'Handed out from stock here' : 'Not stock'}</dd>
    </dl>
  );
}
