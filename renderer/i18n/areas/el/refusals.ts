import type { SameKeys } from '../../area';
import type { refusals as english } from '../refusals';

/** Why the app refuses a local change, said where the change was asked for. In Greek. */
export const refusals: SameKeys<typeof english> = {
  identifierTaken: 'Το αναγνωριστικό {{value}} χρησιμοποιείται ήδη από άλλο token.',
  codeTaken: 'Ο κωδικός ταυτοποίησης {{value}} χρησιμοποιείται ήδη από άλλο token.',
  notCached: 'Αυτό το token δεν υπάρχει στην τοπική μνήμη.',
  verificationWaiting: 'Ένας κωδικός επαλήθευσης για αυτό το token περιμένει ήδη να σταλεί· δείτε τα Εκκρεμή.',
  identifierUnchanged: 'Το αναγνωριστικό δεν άλλαξε.',
  passCodeNeedsIdentifier: 'Ο κωδικός πρόσβασης χρειάζεται αναγνωριστικό· ορίστε πρώτα ένα.',
  codeUnchanged: 'Ο κωδικός ταυτοποίησης δεν άλλαξε.',
  notInStock: 'Αυτό το token δεν είναι πια στο απόθεμα· διαλέξτε άλλο.',
  pickStock: 'Διαλέξτε ένα token αποθέματος για διάθεση.',
  participantTooLong: 'Ο αριθμός συμμετέχοντα έχει το πολύ {{max}} χαρακτήρες.',
  typeVerification: 'Πληκτρολογήστε τον κωδικό επαλήθευσης που έλαβε ο πελάτης.',
  identifierRefused: 'Το CRM έχει ήδη απορρίψει αυτό το αναγνωριστικό.',
  participantRefused: 'Το CRM έχει ήδη απορρίψει αυτόν τον συμμετέχοντα.',
  conflictResolved: 'Αυτή η σύγκρουση έχει ήδη λυθεί.',
  noLongerStuck: 'Αυτή η αλλαγή δεν χρειάζεται πια αυτή την ενέργεια.',
};
