import { area } from '../area';

/** Why the app refuses a local change, said where the change was asked for. */
export const refusals = area(
  {
    identifierTaken: 'Identifier {{value}} is already used by another token.',
    codeTaken: 'Authentication code {{value}} is already used by another token.',
    notCached: 'This token is not in the local cache.',
    verificationWaiting: 'A verification code for this token is already waiting to be sent; see Pending.',
    identifierUnchanged: 'The identifier is unchanged.',
    passCodeNeedsIdentifier: 'A pass code needs an identifier; set one first.',
    codeUnchanged: 'The authentication code is unchanged.',
    notInStock: 'This token is no longer in stock; pick another.',
    pickStock: 'Pick a stock token to hand out.',
    participantTooLong: 'Participant number must be at most {{max}} characters.',
    typeVerification: 'Type the verification code the customer received.',
    identifierRefused: 'The CRM already refused this identifier.',
    participantRefused: 'The CRM already refused this participant.',
    conflictResolved: 'This conflict is already resolved.',
    noLongerStuck: 'This change no longer needs attention in this way.',
  },
  {
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
  },
);
