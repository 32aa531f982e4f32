import { t, useTranslation } from '../../i18n';
import type { ParticipantSummary } from '../../../shared/token/serverToken';
import type { TokenRow } from '../../storage/rows';
import { participantText, useKnownParticipant } from '../useKnownParticipant';
import { formatCrmDate, formatTime, lifeCycleLabel, syncStatusLabel } from '../../labels';
import { lastErrorText } from '../../errors';
import { forDisplayOrNull } from '../../../shared/text/displayText';

function accountText(token: TokenRow, account: ParticipantSummary | null): string {
  if (!account?.accountNumber) return token.participantNumber === null ? t('token.facts.accountNone') : t('token.facts.accountLater');
  return account.accountName ? `${account.accountNumber} — ${account.accountName}` : account.accountNumber;
}

/** The CRM's log information: when and by whom. */
function logText(date: string | null, user: string | null): string {
  if (date === null) return t('token.facts.notInCrm');
  const when = t('shell.time.crmTime', { when: formatCrmDate(date) });
  return user ? t('token.facts.by', { when, user }) : when;
}

/** Every field this counter knows of the token, the CRM's log information included. */
export function TokenFacts({ token }: { token: TokenRow }) {
  const participant = useKnownParticipant(token);
  const { t } = useTranslation();
  const lastError = lastErrorText(token);
  const syncText = syncStatusLabel(token.syncStatus) + (lastError ? ` — ${lastError}` : '');
  return (
    <dl className="details">
      <dt>{t('token.facts.authenticationCode')}</dt>
      <dd className="code">{token.authenticationCode}</dd>
      <dt>{t('token.facts.identifier')}</dt>
      <dd>{forDisplayOrNull(token.identifier) ?? t('token.facts.none')}</dd>
      <dt>{t('token.facts.number')}</dt>
      <dd>{token.number ?? t('token.facts.numberLater')}</dd>
      <dt>{t('token.facts.state')}</dt>
      <dd>{lifeCycleLabel(token.lifeCycleState)}</dd>
      <dt>{t('token.facts.classification')}</dt>
      <dd>{forDisplayOrNull(token.classificationName) ?? t('token.facts.none')}</dd>
      <dt>{t('token.facts.participant')}</dt>
      <dd>{participantText(token, participant)}</dd>
      <dt>{t('token.facts.account')}</dt>
      <dd>{accountText(token, participant)}</dd>
      <dt>{t('token.facts.created')}</dt>
      <dd>{logText(token.serverCreatedDate, token.createdBy)}</dd>
      <dt>{t('token.facts.updated')}</dt>
      <dd>{logText(token.serverUpdatedDate, token.updatedBy)}</dd>
      <dt>{t('token.facts.syncStatus')}</dt>
      <dd className={`sync-${token.syncStatus}`}>{syncText}</dd>
      <dt>{t('token.facts.confirmed')}</dt>
      <dd>{formatTime(token.confirmedAt, t('token.facts.never'))}</dd>
      <dt>{t('token.facts.stock')}</dt>
      <dd>{token.stock === 1 ? t('token.facts.inStock') : token.stock === 2 ? t('token.facts.handedOut') : t('token.facts.notStock')}</dd>
    </dl>
  );
}
