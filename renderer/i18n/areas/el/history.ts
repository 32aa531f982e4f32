import type { SameKeys } from '../../area';
import type { history as english } from '../history';

/** A token's history ("What"), from each audit row's kind and data. In Greek. */
export const history: SameKeys<typeof english> = {
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
};
