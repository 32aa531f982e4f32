import type { SameKeys } from '../../area';
import type { words as english } from '../words';

/** Names of states and outcomes, used wherever a token or a change is listed. In Greek. */
export const words: SameKeys<typeof english> = {
  syncStatus: { synced: 'Συγχρονισμένο', pending: 'Σε αναμονή', attention: 'Θέλει προσοχή', conflict: 'Σύγκρουση' },
  lifeCycle: { EFFECTIVE: 'Ενεργό', NOT_EFFECTIVE: 'Ανενεργό', PENDING_VERIFICATION: 'Αναμένει επαλήθευση' },
  auditOutcome: {
    queued: 'Στην ουρά',
    synced: 'Έγινε δεκτό από το CRM',
    adopted: 'Υπήρχε ήδη στο CRM',
    parked: 'Απορρίφθηκε από το CRM',
    conflict: 'Άλλαξε αλλού',
    dropped: 'Απορρίφθηκε',
    requeued: 'Ξανά στην ουρά',
    local: 'Καταγράφηκε εδώ',
  },
};
