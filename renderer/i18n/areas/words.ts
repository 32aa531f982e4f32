
/** Names of states and outcomes, used wherever a token or a change is listed. */
export const words = {
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
};
