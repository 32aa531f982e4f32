import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useServices } from '../context';
import { applyServerTokens } from '../db/freshness';
import { errorMessage } from '../errors';
import { TokenList } from './TokenList';

const PARTICIPANT_LIMIT = 50;

/** The participant's tokens: the local cache at once, refreshed from the CRM in the background. */
export function ParticipantTokens({ participantNumber }: { participantNumber: string }) {
  const { db, api, now } = useServices();
  const [note, setNote] = useState<string | null>(null);
  const tokens = useLiveQuery(
    () => db.tokens.where('participantNumber').equals(participantNumber).limit(PARTICIPANT_LIMIT).toArray(),
    [db, participantNumber],
  );

  useEffect(() => {
    let current = true;
    const pull = async () => {
      try {
        const reply = await api.participantTokens({ participantNumber });
        if (reply.crm === 'ok') await applyServerTokens(db, reply.tokens, now());
        if (current) setNote(reply.crm === 'ok' ? null : 'Showing this counter’s copy; the CRM was not reached.');
      } catch (error) {
        if (current) setNote(`Showing this counter’s copy: ${errorMessage(error)}`);
      }
    };
    void pull();
    return () => {
      current = false;
    };
  }, [db, api, now, participantNumber]);

  return (
    <section className="participant-tokens">
      <h3>Participant tokens</h3>
      {note ? <p className="hint">{note}</p> : null}
      {tokens && tokens.length > 0 ? <TokenList label="Participant tokens" tokens={tokens} /> : null}
    </section>
  );
}
