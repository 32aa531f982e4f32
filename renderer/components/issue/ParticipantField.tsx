import { t, useTranslation } from '../../i18n';
import { useEffect, useState } from 'react';
import { useAppStore, useServices } from '../../context';
import { lookUpParticipant, type ParticipantLookup } from '../../sync/crmLookups';
import { Field } from '../Field';

const LOOKUP_DELAY_MS = 350;

/** A lookup so far; `missed` once the CRM could not be asked. */
interface Found {
  number: string;
  lookup: ParticipantLookup;
  missed: boolean;
}

function ownerText(number: string, found: Found | null): string {
  if (found === null) return t('issue.participant.looking');
  const { lookup, missed } = found;
  const owner = lookup.participant?.ownerName ?? lookup.participant?.accountName;
  if (lookup.source === 'crm' && lookup.participant === null) return t('issue.participant.unknown', { number });
  if (missed) {
    const unreached = t('issue.participant.unreached');
    return owner ? `${t('issue.participant.ownerHere', { owner })} ${unreached}` : unreached;
  }
  if (owner) return t('issue.participant.owner', { owner });
  return t('issue.participant.asking');
}

/** The owner of a participant number as the operator types it: the cache at once, then the CRM when online. */
function useParticipant(number: string): Found | null {
  const services = useServices();
  const [found, setFound] = useState<Found | null>(null);
  useEffect(() => {
    if (number === '') return;
    let current = true;
    // The cache's answer never replaces what the CRM said (or that it could not be asked).
    const keep = (lookup: ParticipantLookup) => {
      if (current) setFound((last) => (last?.number === number && (last.lookup.source === 'crm' || last.missed) ? last : { number, lookup, missed: false }));
    };
    const onCrm = (lookup: ParticipantLookup) => current && setFound({ number, lookup, missed: false });
    const onMissed = () => current && setFound((last) => ({ number, lookup: last?.number === number ? last.lookup : { participant: null, source: 'cache' }, missed: true }));
    const timer = setTimeout(() => {
      void lookUpParticipant(services, number, onCrm, onMissed).then(keep);
    }, LOOKUP_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [services, number]);
  return found?.number === number ? found : null;
}

/** "Participant number (optional)", with the owner's name shown when known. */
export function ParticipantField({ autoFocus = false }: { autoFocus?: boolean }) {
  const value = useAppStore('issue', (state) => state.fields.participantNumber);
  const error = useAppStore('issue', (state) => state.errors.participantNumber);
  const setField = useAppStore('issue', (state) => state.setField);
  const number = value.trim();
  const found = useParticipant(number);
  useTranslation();
  return (
    <Field
      label={t('issue.participant.label')}
      inputMode="numeric"
      autoFocus={autoFocus}
      value={value}
      error={error}
      hint={number === '' ? t('issue.participant.hint') : <span aria-live="polite">{ownerText(number, found)}</span>}
      onChange={(next) => setField('participantNumber', next)}
    />
  );
}
