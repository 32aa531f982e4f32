import { CrmCode, type CrmCodeName, type KnownCrmCode } from '../../shared/crm/statusCodes';

/**
 * Which CRM.COM release the simulator plays (FIDELITY.md). r5 answers in the seed's shapes;
 * r13 in the shapes documented for R13-era releases.
 */
export const SIM_PROFILES = ['r5', 'r13'] as const;
export type SimProfileName = (typeof SIM_PROFILES)[number];

/** guessed: the error codes SPEC.md assumed, HTTP 200. renamed: every code renamed and sent with a 4xx status, so only calibration can read them. */
export const SIM_DIALECTS = ['guessed', 'renamed'] as const;
export type SimDialectName = (typeof SIM_DIALECTS)[number];

export interface SimProfile {
  readonly name: SimProfileName;
  /** "10" (R5) or "AT0000000010" (R13). */
  tokenNumber(sequence: string): string;
  /** JWT session tokens with `exp` (R12+) instead of 32 hex digits. */
  readonly jwtSessions: boolean;
  /** Owner as top-level accounts_receivable + rewards_participant (R8+) instead of reward_participant. */
  readonly topLevelOwner: boolean;
  /** "" instead of null in an OK status (R13+). */
  readonly emptyMessages: boolean;
  /** classification, udf_*, card_masked_number, verified_date and the secret verification_code in token replies. */
  readonly extraFields: boolean;
  /** Pending-verification tokens at start, and access_tokens/verify (R9+). */
  readonly pendingTokens: boolean;
  /** HTTP verbs rewards_participants/show answers to. */
  readonly participantShowVerbs: ReadonlyArray<'GET' | 'POST'>;
}

export const PROFILES: Record<SimProfileName, SimProfile> = {
  r5: {
    name: 'r5',
    tokenNumber: (sequence) => sequence,
    jwtSessions: false,
    topLevelOwner: false,
    emptyMessages: false,
    extraFields: false,
    pendingTokens: false,
    participantShowVerbs: ['GET', 'POST'],
  },
  r13: {
    name: 'r13',
    tokenNumber: (sequence) => `AT${sequence.padStart(10, '0')}`,
    jwtSessions: true,
    topLevelOwner: true,
    emptyMessages: true,
    extraFields: true,
    pendingTokens: true,
    participantShowVerbs: ['POST'],
  },
};

const NOT_FOUND: ReadonlySet<CrmCodeName> = new Set(['tokenNotFound', 'participantNotFound', 'accountNotFound', 'classificationNotFound', 'methodNotFound']);

/** How a dialect writes an error: its code and HTTP status. */
export function dialectAnswer(dialect: SimDialectName, code: KnownCrmCode): { code: string; httpStatus: number } {
  if (dialect === 'guessed') return { code, httpStatus: 200 };
  const name = (Object.keys(CrmCode) as CrmCodeName[]).find((key) => CrmCode[key] === code);
  if (name === undefined) return { code: 'ACME.FAULT.UNKNOWN', httpStatus: 400 };
  const httpStatus = name === 'invalidToken' ? 401 : NOT_FOUND.has(name) ? 404 : 400;
  return { code: `ACME.FAULT.${name.replaceAll(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`, httpStatus };
}
