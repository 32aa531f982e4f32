import type { ParticipantSummary } from '../../shared/token/serverToken';
import type { TokenDeskDatabase } from './database';

const LOOK_AT = 20;

/** What this counter's cache knows of a participant, from the tokens it holds of them (by index). */
export async function knownParticipant(db: TokenDeskDatabase, participantNumber: string): Promise<ParticipantSummary | null> {
  const tokens = await db.tokens.where('participantNumber').equals(participantNumber).limit(LOOK_AT).toArray();
  return tokens.find((token) => token.participant?.ownerName)?.participant ?? tokens.find((token) => token.participant)?.participant ?? null;
}
