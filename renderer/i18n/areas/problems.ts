import type { SchemaProblem } from '../../../shared/text/schemaProblems';
import type { Words } from '../area';

/** shared/'s own schema problems, each a sentence: a missing one is a compile error. */
type ProblemWords = Words & { readonly rule: Readonly<Record<SchemaProblem, string>> };

/** What a schema check found in a file or a form, one sentence per problem; `{{where}}` is the field's name in the file. */
export const problems = {
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
} satisfies ProblemWords;
