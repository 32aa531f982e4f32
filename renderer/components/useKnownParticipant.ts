import { t } from '../i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ParticipantSummary } from '../../shared/token/serverToken';
import { useServices } from '../context';
import { knownParticipant } from '../storage/queries';
import type { TokenRow } from '../storage/rows';
import { forDisplay } from '../../shared/text/displayText';

/**
 * The token's participant: the CRM's copy on the token once confirmed, else what this counter's cache
 * knows of that participant number (say, from the lookup while issuing).
 */
export function useKnownParticipant(token: TokenRow): ParticipantSummary | null {
  const { db } = useServices();
  const number = token.participant ? null : token.participantNumber;
  const known = useLiveQuery(async () => (number === null ? null : knownParticipant(db, number)), [db, number]);
  return token.participant ?? known ?? null;
}

/**
 * "1 — Maria Georgiou"; the number alone while the owner is not known, said to be unconfirmed while
 * the CRM has not yet taken the token (it checks the participant then).
 */
export function participantText(token: Pick<TokenRow, 'participantNumber' | 'serverId'>, participant: ParticipantSummary | null): string {
  const shown = participant?.number ?? token.participantNumber;
  if (shown === null) return t('issue.participant.none');
  if (participant?.ownerName) return forDisplay(`${shown} — ${participant.ownerName}`);
  return token.serverId === null ? t('issue.participant.toConfirm', { number: forDisplay(shown) }) : forDisplay(shown);
}
