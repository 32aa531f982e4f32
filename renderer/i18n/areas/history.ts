import type { AuditKind } from '../../storage/auditWhat';
import type { Words } from '../area';

/**
 * A token's history ("What"), from each audit row's kind and data; English is also what the row's
 * `detail` keeps. Every kind needs its words (a missing one is a compile error).
 */
export const history = {
  issue: { plain: 'Issued {{code}}', withIdentifier: 'Issued {{code}} (identifier {{identifier}})' },
  setState: { EFFECTIVE: 'Set effective', NOT_EFFECTIVE: 'Set not effective' },
  verify: 'Verification code entered',
  identifier: 'Identifier {{from}} → {{to}}',
  passCode: 'Pass code changed (identifier {{identifier}} kept)',
  authenticationCode: 'Authentication code {{from}} → {{to}}',
  handOut: 'Handed out {{code}} from stock',
  synced: '{{change}}: accepted by the CRM',
  adopted: '{{change}}: an earlier send had already reached the CRM',
  restore: 'Put back in the queue from the journal: {{change}}',
  parked: '{{change}}: {{reason}}',
  conflict: '{{change}}: {{conflicts}}',
  keepCrmValue: 'Kept the CRM value ({{values}}); dropped mine',
  applyMine: 'Applied mine again ({{values}})',
  fixIdentifier: {
    create: 'Identifier {{from}} → {{to}}; create queued again with {{code}}',
    change: 'Identifier {{from}} → {{to}}; change queued again with {{code}}',
  },
  fixParticipant: 'Participant {{from}} → {{to}}; create queued again with {{code}}',
  fixVerification: 'Verification code entered again',
  retry: 'Retry after: {{reason}}',
  discard: {
    plain: 'Discarded {{change}} ({{reason}})',
    later_one: 'Discarded {{change}} ({{reason}}); {{count}} later change goes on',
    later_other: 'Discarded {{change}} ({{reason}}); {{count}} later changes go on',
    removed_one: 'Discarded {{change}} ({{reason}}); never created in the CRM, so the token and {{count}} later change were removed from this counter',
    removed_other: 'Discarded {{change}} ({{reason}}); never created in the CRM, so the token and {{count}} later changes were removed from this counter',
  },
  shiftClosed: { text: 'Shift closed. {{lines}}', line: '{{who}}: {{counts}}.', count: '{{label}} {{count}}' },
  none: 'none',
  refused: 'refused',
  refusedByCrm: 'refused by the CRM',
} as const satisfies Record<AuditKind, string | Words> & Words;

