import { randomBytes } from 'node:crypto';
import type { CalibratedMeaning, CrmAnswer } from '../../shared/crm/dialect';
import type { CrmClient } from './crmClient';
import { CrmError } from './crmError';

export type CalibrationAnswers = Partial<Record<CalibratedMeaning, CrmAnswer | null>>;

/** A value no real token, participant or session has. */
const impossible = (what: string) => `TOKENDESK-CALIBRATION-${what}-${randomBytes(12).toString('hex').toUpperCase()}`;

/**
 * What one probe taught: the CRM's own error answer; null when it answered something unusable
 * (a success, or a reply without a code); undefined when it could not be asked (network, 5xx):
 * then nothing is learned and the previous answer, or the guess, stays.
 */
async function answerOf(probe: () => Promise<unknown>): Promise<CrmAnswer | null | undefined> {
  try {
    await probe();
    return null;
  } catch (error) {
    if (!(error instanceof CrmError)) return undefined;
    if (error.fromCrm && error.httpStatus !== null) return { code: error.code, httpStatus: error.httpStatus };
    const definite = error.httpStatus !== null && error.httpStatus >= 400 && error.httpStatus < 500;
    return definite ? { code: error.code, httpStatus: error.httpStatus ?? 0 } : undefined;
  }
}

/**
 * Asks the server the questions whose answers CRM.COM never published: show a token that cannot
 * exist, show a participant that cannot exist, call with a session that cannot be valid, and call
 * a method that cannot exist. One call each; only what came back is returned.
 */
export async function calibrate(client: CrmClient, sessionToken: string): Promise<CalibrationAnswers> {
  const probes: Record<CalibratedMeaning, () => Promise<unknown>> = {
    tokenNotFound: () => client.showToken(sessionToken, { authentication_code: impossible('CODE') }),
    participantNotFound: () => client.showParticipant(sessionToken, { number: impossible('PARTICIPANT') }),
    sessionInvalid: () => client.showToken(impossible('SESSION'), { authentication_code: impossible('CODE') }),
    methodNotFound: () => client.callMissingMethod(sessionToken),
  };
  const answers: CalibrationAnswers = {};
  for (const [meaning, probe] of Object.entries(probes) as Array<[CalibratedMeaning, () => Promise<unknown>]>) {
    const answer = await answerOf(probe);
    if (answer !== undefined) answers[meaning] = answer;
  }
  return answers;
}
