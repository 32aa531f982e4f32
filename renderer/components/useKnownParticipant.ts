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

/** "1 — Maria Georgiou", or the number alone while the owner is not known. */
export function participantText(number: string | null, participant: ParticipantSummary | null): string {
  const shown = participant?.number ?? number;
  if (shown === null) return 'None';
  return forDisplay(participant?.ownerName ? `${shown} — ${participant.ownerName}` : shown);
}
