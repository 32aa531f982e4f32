import type { SchemaProblem } from '../../../shared/text/schemaProblems';
import { area, type Words } from '../area';

/** shared/'s own schema problems, each a sentence: a missing one is a compile error. */
type ProblemWords = Words & { readonly rule: Readonly<Record<SchemaProblem, string>> };

/** What a schema check found in a file or a form, one sentence per problem; `{{where}}` is the field's name in the file. */
export const problems = area(
  {
    at: '{{where}}: {{problem}}',
    missing: 'The value is missing.',
    number: 'The value must be a number.',
    boolean: 'The value must be true or false.',
    text: 'The value must be text.',
    type: 'The value must be of type {{type}}.',
    empty: 'The value must not be empty.',
    atLeast: 'The value must be at least {{min}}.',
    atMost: 'The value must be at most {{max}}.',
    atMostCharacters: 'The value must be at most {{max}} characters long.',
    oneOf: 'The value must be one of {{values}}.',
    unknownFields: 'These fields are not known to this app: {{keys}}.',
    invalid: 'The value is not valid.',
    rule: {
      maxBelowMin: 'maxLength is below minLength.',
      generatedOutside: 'generatedLength must lie between minLength and maxLength.',
      countsTooMany: 'The minimum character counts do not fit in generatedLength.',
      digitsOnlyClasses: 'A digits-only field cannot require letters or special characters.',
      lettersDigitsSpecial: 'A letters-and-digits field cannot require special characters.',
      crmUrlScheme: 'The CRM URL must start with http:// or https://.',
    },
  } satisfies ProblemWords,
  {
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
  },
);
