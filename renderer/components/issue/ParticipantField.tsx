import { useEffect, useState } from 'react';
import { useAppStore, useServices } from '../../context';
import { lookUpParticipant, type ParticipantLookup } from '../../sync/crmLookups';
import { Field } from '../Field';

const LOOKUP_DELAY_MS = 350;

function ownerText(number: string, lookup: ParticipantLookup | null): string {
  if (lookup === null) return 'Looking up the participant…';
  const owner = lookup.participant?.ownerName ?? lookup.participant?.accountName;
  if (owner) return `Owner: ${owner}`;
  if (lookup.source === 'crm') return `The CRM has no participant ${number}. Check the number.`;
  return 'Owner not known on this counter; the CRM checks the number when the token syncs.';
}

/** The owner of a participant number as the operator types it: the cache at once, then the CRM when online. */
function useParticipant(number: string): ParticipantLookup | null {
  const services = useServices();
  const [found, setFound] = useState<{ number: string; lookup: ParticipantLookup } | null>(null);
  useEffect(() => {
    if (number === '') return;
    let current = true;
    const keep = (lookup: ParticipantLookup) => {
      if (current) setFound((last) => (last?.number === number && last.lookup.source === 'crm' ? last : { number, lookup }));
    };
    const timer = setTimeout(() => {
      void lookUpParticipant(services, number, (lookup) => current && setFound({ number, lookup })).then(keep);
    }, LOOKUP_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [services, number]);
  return found?.number === number ? found.lookup : null;
}

/** "Participant number (optional)", with the owner's name shown when known. */
export function ParticipantField({ autoFocus = false }: { autoFocus?: boolean }) {
  const value = useAppStore('issue', (state) => state.fields.participantNumber);
  const error = useAppStore('issue', (state) => state.errors.participantNumber);
  const setField = useAppStore('issue', (state) => state.setField);
  const number = value.trim();
  const lookup = useParticipant(number);
  return (
    <Field
      label="Participant number (optional)"
      inputMode="numeric"
      autoFocus={autoFocus}
      value={value}
      error={error}
      hint={number === '' ? 'Links the token to a rewards participant.' : <span aria-live="polite">{ownerText(number, lookup)}</span>}
      onChange={(next) => setField('participantNumber', next)}
    />
  );
}
