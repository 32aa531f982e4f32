import { useTranslation } from '../i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useServices } from '../context';
import { participantTokens } from '../storage/queries';
import { lookUpParticipant } from '../sync/crmLookups';
import { TokenList } from './TokenList';

const PARTICIPANT_LIMIT = 50;

/** The participant's tokens: the local cache at once, refreshed from the CRM in the background. */
export function ParticipantTokens({ participantNumber }: { participantNumber: string }) {
  const services = useServices();
  const { db } = services;
  const [note, setNote] = useState<string | null>(null);
  const tokens = useLiveQuery(() => participantTokens(db, participantNumber, PARTICIPANT_LIMIT), [db, participantNumber]);
  const { t } = useTranslation();

  useEffect(() => {
    let current = true;
    const missed = (failure: string | null) => {
      if (current) setNote(failure === null ? t('token.participantTokens.unreached') : t('token.participantTokens.failed', { reason: failure }));
    };
    void lookUpParticipant(services, participantNumber, () => current && setNote(null), missed);
    return () => {
      current = false;
    };
  }, [services, participantNumber, t]);

  return (
    <section className="participant-tokens">
      <h3>{t('token.participantTokens.title')}</h3>
      {note ? <p className="hint">{note}</p> : null}
      {tokens && tokens.length > 0 ? <TokenList label={t('token.participantTokens.title')} tokens={tokens} /> : null}
    </section>
  );
}
