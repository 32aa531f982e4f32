import type { SameKeys } from '../../area';
import type { problems as english } from '../problems';

/** What a schema check found in a file or a form, one sentence per problem; `{{where}}` is the field's name in the file. In Greek. */
export const problems: SameKeys<typeof english> = {
  at: '{{where}}: {{problem}}',
  missing: 'Η τιμή λείπει.',
  number: 'Η τιμή πρέπει να είναι αριθμός.',
  boolean: 'Η τιμή πρέπει να είναι true ή false.',
  text: 'Η τιμή πρέπει να είναι κείμενο.',
  type: 'Η τιμή πρέπει να είναι τύπου {{type}}.',
  empty: 'Η τιμή δεν πρέπει να είναι κενή.',
  atLeast: 'Η τιμή πρέπει να είναι τουλάχιστον {{min}}.',
  atMost: 'Η τιμή πρέπει να είναι το πολύ {{max}}.',
  atMostCharacters: 'Η τιμή πρέπει να έχει το πολύ {{max}} χαρακτήρες.',
  oneOf: 'Η τιμή πρέπει να είναι ένα από τα {{values}}.',
  unknownFields: 'Αυτά τα πεδία δεν τα γνωρίζει η εφαρμογή: {{keys}}.',
  invalid: 'Η τιμή δεν είναι έγκυρη.',
  rule: {
    maxBelowMin: 'Το maxLength είναι μικρότερο από το minLength.',
    generatedOutside: 'Το generatedLength πρέπει να είναι μεταξύ minLength και maxLength.',
    countsTooMany: 'Οι ελάχιστοι αριθμοί χαρακτήρων δεν χωρούν στο generatedLength.',
    digitsOnlyClasses: 'Ένα πεδίο μόνο με ψηφία δεν μπορεί να απαιτεί γράμματα ή ειδικούς χαρακτήρες.',
    lettersDigitsSpecial: 'Ένα πεδίο με γράμματα και ψηφία δεν μπορεί να απαιτεί ειδικούς χαρακτήρες.',
    crmUrlScheme: 'Η διεύθυνση του CRM πρέπει να αρχίζει με http:// ή https://.',
  },
};
