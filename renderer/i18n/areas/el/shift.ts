import type { SameKeys } from '../../area';
import type { shift as english } from '../shift';

/** End of shift: the summary on screen, on paper, in the CSV and in the audit row. In Greek. */
export const shift: SameKeys<typeof english> = {
  title: 'Τέλος βάρδιας',
  counting: 'Γίνεται καταμέτρηση της βάρδιας…',
  queueNote: 'Τα «Ακόμη σε αναμονή» και «Θέλουν προσοχή» μετρούν την ουρά όπως είναι τώρα, ανάλογα με το ποιος έβαλε κάθε αλλαγή.',
  print: 'Εκτύπωση σύνοψης',
  printFailed: 'Η σύνοψη δεν τυπώθηκε. {{reason}} {{then}}',
  export: 'Εξαγωγή σύνοψης (CSV)',
  close: 'Κλείσιμο βάρδιας',
  confirmTitle: 'Κλείσιμο της βάρδιας;',
  confirmText: 'Η σύνοψη καταγράφεται στο αρχείο ελέγχου και αποσυνδέεστε. Η επόμενη σύνοψη ξεκινά από τώρα.',
  signOutFailed: 'Η βάρδια έκλεισε και καταγράφηκε, αλλά η αποσύνδεση απέτυχε: {{reason}} Αποσυνδεθείτε με την Αλλαγή χειριστή.',
  slip: {
    title: 'Σύνοψη τέλους βάρδιας',
    firstShift: 'Αυτός ο πάγκος δεν έχει κλείσει βάρδια μέχρι τώρα.',
    since: 'Από {{when}}',
    until: 'Έως {{when}}',
    counter: 'Πάγκος: {{name}}',
    takenBy: 'Από: {{name}}',
  },
  counts: {
    issued: 'Εκδόθηκαν',
    handedOut: 'Διατέθηκαν',
    switched: 'Άλλαξαν κατάσταση',
    edited: 'Διορθώθηκαν',
    stillPending: 'Ακόμη σε αναμονή',
    needingAttention: 'Θέλουν προσοχή',
  },
  counterTotal: 'Όλος ο πάγκος',
  noOperator: 'Χωρίς καταγεγραμμένο χειριστή',
  csv: { since: 'Από', until: 'Έως', operator: 'Χειριστής', operatorId: 'Κωδικός χειριστή' },
};
