import type { AuditKind } from '../../storage/auditWhat';
import { area, type Words } from '../area';

/**
 * A token's history ("What"), from each audit row's kind and data; English is also what the row's
 * `detail` keeps. Every kind needs its words (a missing one is a compile error).
 */
const en = {
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

export const history = area(en, {
  issue: { plain: 'Έκδοση {{code}}', withIdentifier: 'Έκδοση {{code}} (αναγνωριστικό {{identifier}})' },
  setState: { EFFECTIVE: 'Ενεργοποίηση', NOT_EFFECTIVE: 'Απενεργοποίηση' },
  verify: 'Καταχωρίστηκε κωδικός επαλήθευσης',
  identifier: 'Αναγνωριστικό {{from}} → {{to}}',
  passCode: 'Αλλαγή κωδικού πρόσβασης (το αναγνωριστικό {{identifier}} διατηρήθηκε)',
  authenticationCode: 'Κωδικός ταυτοποίησης {{from}} → {{to}}',
  handOut: 'Παραδόθηκε το {{code}} από το απόθεμα',
  synced: '{{change}}: το δέχτηκε το CRM',
  adopted: '{{change}}: μια προηγούμενη αποστολή είχε ήδη φτάσει στο CRM',
  restore: 'Επέστρεψε στην ουρά από το ημερολόγιο: {{change}}',
  parked: '{{change}}: {{reason}}',
  conflict: '{{change}}: {{conflicts}}',
  keepCrmValue: 'Κρατήθηκε η τιμή του CRM ({{values}})· η δική μου απορρίφθηκε',
  applyMine: 'Εφαρμόστηκε ξανά η δική μου ({{values}})',
  fixIdentifier: {
    create: 'Αναγνωριστικό {{from}} → {{to}}· η δημιουργία μπήκε ξανά στην ουρά με το {{code}}',
    change: 'Αναγνωριστικό {{from}} → {{to}}· η αλλαγή μπήκε ξανά στην ουρά με το {{code}}',
  },
  fixParticipant: 'Συμμετέχων {{from}} → {{to}}· η δημιουργία μπήκε ξανά στην ουρά με το {{code}}',
  fixVerification: 'Καταχωρίστηκε ξανά κωδικός επαλήθευσης',
  retry: 'Νέα προσπάθεια μετά από: {{reason}}',
  discard: {
    plain: 'Απορρίφθηκε: {{change}} ({{reason}})',
    later_one: 'Απορρίφθηκε: {{change}} ({{reason}})· {{count}} επόμενη αλλαγή συνεχίζει',
    later_other: 'Απορρίφθηκε: {{change}} ({{reason}})· {{count}} επόμενες αλλαγές συνεχίζουν',
    removed_one:
      'Απορρίφθηκε: {{change}} ({{reason}})· δεν δημιουργήθηκε ποτέ στο CRM, γι’ αυτό το token και {{count}} επόμενη αλλαγή αφαιρέθηκαν από αυτόν τον πάγκο',
    removed_other:
      'Απορρίφθηκε: {{change}} ({{reason}})· δεν δημιουργήθηκε ποτέ στο CRM, γι’ αυτό το token και {{count}} επόμενες αλλαγές αφαιρέθηκαν από αυτόν τον πάγκο',
  },
  shiftClosed: { text: 'Η βάρδια έκλεισε. {{lines}}', line: '{{who}}: {{counts}}.', count: '{{label}} {{count}}' },
  none: 'κανένα',
  refused: 'απορρίφθηκε',
  refusedByCrm: 'το απέρριψε το CRM',
});
