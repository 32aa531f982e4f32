import type { CalibratedMeaning, DialectLine } from '../../../shared/crm/dialect';

type Line = DialectLine['code'];

/** A sentence per fact of the dialect note (shared/crm/dialect.ts), and a name per meaning: a missing one is a compile error. */
type DialectWords = { readonly [C in Line]: string } & { readonly meaning: Readonly<Record<CalibratedMeaning, string>> };

/** Settings → "How this CRM answers": what calibration learned about the CRM's error codes. */
export const dialect = {
  notCalibrated: 'Not calibrated yet: until the first sign-in, this app uses guessed error codes and asks again when unsure.',
  calibratedAt: 'Calibrated at {{at}}.',
  notLearned: 'Not yet learned how this CRM says {{meaning}}; the guessed code is used.',
  noAnswer: 'This CRM gave no answer this app can tell apart for {{meaning}}; such answers are treated as unknown and asked again later.',
  answers: 'This CRM answers {{meaning}} with {{crmCode}} (HTTP {{httpStatus}}).',
  generatesCodes: 'This CRM makes its own authentication codes: a slip printed offline shows a provisional code until the token is synced.',
  keepsCodes: 'This CRM keeps the authentication codes this app sends.',
  meaning: {
    tokenNotFound: '"no such token"',
    sessionInvalid: '"session expired or invalid"',
    participantNotFound: '"no such rewards participant"',
    methodNotFound: '"no such method" (an older release)',
  },
} satisfies DialectWords;
