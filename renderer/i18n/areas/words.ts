import { area } from '../area';

/** Names of states and outcomes, used wherever a token or a change is listed. */
export const words = area(
  {
    syncStatus: { synced: 'Synced', pending: 'Pending', attention: 'Needs attention', conflict: 'Conflict' },
    lifeCycle: { EFFECTIVE: 'Effective', NOT_EFFECTIVE: 'Not effective', PENDING_VERIFICATION: 'Pending verification' },
    auditOutcome: {
      queued: 'Queued',
      synced: 'Accepted by the CRM',
      adopted: 'Found already in the CRM',
      parked: 'Refused by the CRM',
      conflict: 'Changed elsewhere',
      dropped: 'Dropped',
      requeued: 'Queued again',
      local: 'Recorded here',
    },
  },
  {
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
  },
);
