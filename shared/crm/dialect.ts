import { z } from 'zod';
import { CrmCode, PERMANENT_CODES } from './statusCodes';

/**
 * What a CRM error answer means to the app. CRM.COM publishes no error codes (FIDELITY.md #4), so the
 * codes in statusCodes.ts are guesses; the ones in CALIBRATED_MEANINGS are learned from the server
 * itself at sign-in, per server URL, and only a learned (or, before calibration, guessed) answer counts.
 * This module is the one place outside the simulator that knows any code.
 */
export const CALIBRATED_MEANINGS = ['tokenNotFound', 'sessionInvalid', 'participantNotFound', 'methodNotFound'] as const;
export type CalibratedMeaning = (typeof CALIBRATED_MEANINGS)[number];
export type CrmMeaning = CalibratedMeaning | 'accountNotFound' | 'codeTaken' | 'identifierTaken' | 'definitionViolated' | 'badTransition' | 'nothingToAmend';

/** What a server answered: its status.code (or HTTP_nnn when the body was no envelope) and the HTTP status. */
export const crmAnswerSchema = z.object({ code: z.string().min(1).max(300), httpStatus: z.number().int().min(100).max(599) });
export type CrmAnswer = z.infer<typeof crmAnswerSchema>;

/** What was learned about one server. A meaning whose answer is null was asked but gave nothing usable. */
export const dialectRecordSchema = z.object({
  serverUrl: z.string(),
  calibratedAt: z.string().nullable(),
  answers: z.partialRecord(z.enum(CALIBRATED_MEANINGS), crmAnswerSchema.nullable()),
  /** Seen a create reply whose authentication code was not the one sent: this server makes its own codes. */
  generatesCodes: z.boolean(),
});
export type DialectRecord = z.infer<typeof dialectRecordSchema>;

export const uncalibrated = (serverUrl: string): DialectRecord => ({ serverUrl, calibratedAt: null, answers: {}, generatesCodes: false });

const GUESSED: Record<CrmMeaning, string> = {
  tokenNotFound: CrmCode.tokenNotFound,
  sessionInvalid: CrmCode.invalidToken,
  participantNotFound: CrmCode.participantNotFound,
  accountNotFound: CrmCode.accountNotFound,
  methodNotFound: CrmCode.methodNotFound,
  codeTaken: CrmCode.authenticationCodeExists,
  identifierTaken: CrmCode.identifierExists,
  definitionViolated: CrmCode.definitionViolated,
  badTransition: CrmCode.invalidLifeCycleTransition,
  nothingToAmend: CrmCode.nothingToAmend,
};

/** Answers that must differ for either to mean anything: "not found" that looks like "bad session" is neither. */
const MUST_DIFFER: ReadonlyArray<readonly [CalibratedMeaning, CalibratedMeaning]> = [
  ['tokenNotFound', 'sessionInvalid'],
  ['tokenNotFound', 'methodNotFound'],
  ['participantNotFound', 'sessionInvalid'],
  ['participantNotFound', 'methodNotFound'],
  ['sessionInvalid', 'methodNotFound'],
];

const sameAnswer = (a: CrmAnswer | null | undefined, b: CrmAnswer | null | undefined) => Boolean(a && b && a.code === b.code);

/** The calibration's raw answers, with every pair that cannot be told apart set to null. */
export function settleAnswers(raw: Partial<Record<CalibratedMeaning, CrmAnswer | null>>): Partial<Record<CalibratedMeaning, CrmAnswer | null>> {
  const settled = { ...raw };
  for (const [a, b] of MUST_DIFFER) {
    if (sameAnswer(raw[a], raw[b])) {
      settled[a] = null;
      settled[b] = null;
    }
  }
  return settled;
}

export type ErrorKind = 'session' | 'permanent' | 'unknown';

/** One server's dialect: which codes mean what. */
export class CrmDialect {
  constructor(readonly record: DialectRecord) {}

  get calibrated(): boolean {
    return this.record.calibratedAt !== null;
  }

  /** Whether this code means `meaning` here: learned once calibrated, guessed before (and for what calibration cannot ask). */
  means(code: string, meaning: CrmMeaning): boolean {
    if (this.calibrated && isCalibrated(meaning) && meaning in this.record.answers) {
      return this.record.answers[meaning]?.code === code;
    }
    return GUESSED[meaning] === code;
  }

  /** session: log in again; permanent: the CRM refused and a resend cannot help; unknown: anything else. */
  kindOf(code: string): ErrorKind {
    if (this.means(code, 'sessionInvalid')) return 'session';
    if (PERMANENT_CODES.has(code) && code !== CrmCode.invalidToken) return 'permanent';
    const learned = CALIBRATED_MEANINGS.some((m) => m !== 'sessionInvalid' && this.means(code, m));
    return learned ? 'permanent' : 'unknown';
  }
}

function isCalibrated(meaning: CrmMeaning): meaning is CalibratedMeaning {
  return (CALIBRATED_MEANINGS as readonly string[]).includes(meaning);
}

/** The guessed dialect, until calibration has run. */
export const GUESSED_DIALECT = new CrmDialect(uncalibrated(''));

/** One fact of the dialect note in Settings, as a code and its data; the renderer says it in words. */
export type DialectLine =
  | { code: 'notCalibrated' }
  | { code: 'calibratedAt'; at: string }
  | { code: 'notLearned'; meaning: CalibratedMeaning }
  | { code: 'noAnswer'; meaning: CalibratedMeaning }
  | { code: 'answers'; meaning: CalibratedMeaning; crmCode: string; httpStatus: number }
  | { code: 'generatesCodes' }
  | { code: 'keepsCodes' };

/** What was learned about this server for Settings, or that nothing was yet. */
export function describeDialect(record: DialectRecord | null): DialectLine[] {
  if (!record || record.calibratedAt === null) return [{ code: 'notCalibrated' }];
  const lines = CALIBRATED_MEANINGS.map((meaning): DialectLine => {
    const answer = record.answers[meaning];
    if (answer === undefined) return { code: 'notLearned', meaning };
    if (answer === null) return { code: 'noAnswer', meaning };
    return { code: 'answers', meaning, crmCode: answer.code, httpStatus: answer.httpStatus };
  });
  return [{ code: 'calibratedAt', at: record.calibratedAt }, ...lines, { code: record.generatesCodes ? 'generatesCodes' : 'keepsCodes' }];
}

/** A queued change refused because its identifier is taken. Rows parked before calibration carry only the guessed code. */
export function isIdentifierTaken(error: { code: string; reason?: string } | null | undefined): boolean {
  return error?.reason === 'identifierTaken' || error?.code === GUESSED.identifierTaken;
}

/** A queued create refused for its participant: none by that number, or its owner holds all the tokens the definition allows. */
export function isParticipantRefused(error: { reason?: string } | null | undefined): boolean {
  return error?.reason === 'participantRefused';
}
