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

const MEANING_WORDS: Record<CalibratedMeaning, string> = {
  tokenNotFound: '"no such token"',
  sessionInvalid: '"session expired or invalid"',
  participantNotFound: '"no such rewards participant"',
  methodNotFound: '"no such method" (an older release)',
};

/** Plain sentences for Settings: what was learned about this server, or that nothing was yet. */
export function describeDialect(record: DialectRecord | null): string[] {
  if (!record || record.calibratedAt === null) {
    return ['Not calibrated yet: until the first sign-in, this app uses guessed error codes and asks again when unsure.'];
  }
  const lines = CALIBRATED_MEANINGS.map((meaning) => {
    const answer = record.answers[meaning];
    if (answer === undefined) return `Not yet learned how this CRM says ${MEANING_WORDS[meaning]}; the guessed code is used.`;
    if (answer === null) return `This CRM gave no answer this app can tell apart for ${MEANING_WORDS[meaning]}; such answers are treated as unknown and asked again later.`;
    return `This CRM answers ${MEANING_WORDS[meaning]} with ${answer.code} (HTTP ${answer.httpStatus}).`;
  });
  lines.push(
    record.generatesCodes
      ? 'This CRM makes its own authentication codes: a slip printed offline shows a provisional code until the token is synced.'
      : 'This CRM keeps the authentication codes this app sends.',
  );
  return [`Calibrated at ${record.calibratedAt}.`, ...lines];
}

/** A queued change refused because its identifier is taken. Rows parked before calibration carry only the guessed code. */
export function isIdentifierTaken(error: { code: string; reason?: string } | null | undefined): boolean {
  return error?.reason === 'identifierTaken' || error?.code === GUESSED.identifierTaken;
}

/** A queued create refused for its participant: none by that number, or its owner holds all the tokens the definition allows. */
export function isParticipantRefused(error: { reason?: string } | null | undefined): boolean {
  return error?.reason === 'participantRefused';
}
