import type { AuditKind, AuditWhat } from '../../renderer/storage/auditWhat';

const CREATE = { kind: 'create', authenticationCode: 'AC-100' } as const;
const SWITCH = { kind: 'setState', authenticationCode: 'AC-100', target: 'NOT_EFFECTIVE' } as const;
const TAKEN = { message: 'Identifier already in use', words: { code: 'crmRefused', reason: 'Identifier already in use' } } as const;
const CONFLICT = [{ field: 'identifier', crm: 'CRM-7', mine: 'MINE-7' }] as const;
const COUNTS = { issued: 2, handedOut: 0, switched: 1, edited: 0, stillPending: 1, needingAttention: 0 };

export type AuditSample<W = AuditWhat> = [what: W, en: string, el: string, record?: string];

/**
 * What an audit row records, every kind, with its English and Greek (and its record, where a refusal's words
 * differ from its message); shared by the wording and pseudo-locale tests. A kind without a sample is a compile error here.
 */
export const AUDIT_SAMPLES: { [K in AuditKind]: Array<AuditSample<Extract<AuditWhat, { kind: K }>>> } = {
  issue: [
    [{ kind: 'issue', code: 'AC-100', identifier: null }, 'Issued AC-100', 'Έκδοση AC-100'],
    [{ kind: 'issue', code: 'AC-100', identifier: 'ID-1' }, 'Issued AC-100 (identifier ID-1)', 'Έκδοση AC-100 (αναγνωριστικό ID-1)'],
  ],
  setState: [
    [{ kind: 'setState', target: 'EFFECTIVE' }, 'Set effective', 'Ενεργοποίηση'],
    [{ kind: 'setState', target: 'NOT_EFFECTIVE' }, 'Set not effective', 'Απενεργοποίηση'],
  ],
  verify: [[{ kind: 'verify' }, 'Verification code entered', 'Καταχωρίστηκε κωδικός επαλήθευσης']],
  identifier: [
    [{ kind: 'identifier', from: null, to: 'ID-2' }, 'Identifier none → ID-2', 'Αναγνωριστικό κανένα → ID-2'],
    [{ kind: 'identifier', from: 'ID-1', to: 'ID-2' }, 'Identifier ID-1 → ID-2', 'Αναγνωριστικό ID-1 → ID-2'],
  ],
  passCode: [[{ kind: 'passCode', identifier: 'ID-1' }, 'Pass code changed (identifier ID-1 kept)', 'Αλλαγή κωδικού πρόσβασης (το αναγνωριστικό ID-1 διατηρήθηκε)']],
  authenticationCode: [[{ kind: 'authenticationCode', from: 'AC-100', to: 'AC-200' }, 'Authentication code AC-100 → AC-200', 'Κωδικός ταυτοποίησης AC-100 → AC-200']],
  handOut: [[{ kind: 'handOut', code: 'AC-100' }, 'Handed out AC-100 from stock', 'Παραδόθηκε το AC-100 από το απόθεμα']],
  synced: [
    [{ kind: 'synced', change: CREATE }, 'create AC-100: accepted by the CRM', 'δημιουργία AC-100: το δέχτηκε το CRM'],
    [{ kind: 'synced', change: SWITCH }, 'set not effective: accepted by the CRM', 'απενεργοποίηση: το δέχτηκε το CRM'],
  ],
  adopted: [[{ kind: 'adopted', change: CREATE }, 'create AC-100: an earlier send had already reached the CRM', 'δημιουργία AC-100: μια προηγούμενη αποστολή είχε ήδη φτάσει στο CRM']],
  restore: [[{ kind: 'restore', change: CREATE }, 'Put back in the queue from the journal: create AC-100', 'Επέστρεψε στην ουρά από το ημερολόγιο: δημιουργία AC-100']],
  parked: [
    [
      { kind: 'parked', change: CREATE, reason: TAKEN },
      'create AC-100: The CRM refused this: Identifier already in use',
      'δημιουργία AC-100: Το CRM το αρνήθηκε: Identifier already in use',
      'create AC-100: Identifier already in use',
    ],
  ],
  conflict: [
    [
      { kind: 'conflict', change: { kind: 'update', authenticationCode: 'AC-100' }, conflicts: [...CONFLICT] },
      'update AC-100: Changed in the CRM meanwhile: identifier is CRM-7 in the CRM, yours is MINE-7.',
      'ενημέρωση AC-100: Άλλαξε στο CRM στο μεταξύ: το αναγνωριστικό είναι CRM-7 στο CRM, το δικό σας MINE-7.',
    ],
  ],
  keepCrmValue: [[{ kind: 'keepCrmValue', conflicts: [...CONFLICT] }, 'Kept the CRM value (identifier CRM-7); dropped mine', 'Κρατήθηκε η τιμή του CRM (αναγνωριστικό CRM-7)· η δική μου απορρίφθηκε']],
  applyMine: [[{ kind: 'applyMine', conflicts: [...CONFLICT] }, 'Applied mine again (identifier MINE-7)', 'Εφαρμόστηκε ξανά η δική μου (αναγνωριστικό MINE-7)']],
  fixIdentifier: [
    [
      { kind: 'fixIdentifier', from: 'ID-1', to: 'ID-3', create: true, code: 'AC-100' },
      'Identifier ID-1 → ID-3; create queued again with AC-100',
      'Αναγνωριστικό ID-1 → ID-3· η δημιουργία μπήκε ξανά στην ουρά με το AC-100',
    ],
    [
      { kind: 'fixIdentifier', from: null, to: 'ID-3', create: false, code: 'AC-100' },
      'Identifier none → ID-3; change queued again with AC-100',
      'Αναγνωριστικό κανένα → ID-3· η αλλαγή μπήκε ξανά στην ουρά με το AC-100',
    ],
  ],
  fixParticipant: [
    [
      { kind: 'fixParticipant', from: 'P-1', to: null, code: 'AC-100' },
      'Participant P-1 → none; create queued again with AC-100',
      'Συμμετέχων P-1 → κανένα· η δημιουργία μπήκε ξανά στην ουρά με το AC-100',
    ],
  ],
  fixVerification: [[{ kind: 'fixVerification' }, 'Verification code entered again', 'Καταχωρίστηκε ξανά κωδικός επαλήθευσης']],
  retry: [
    [
      { kind: 'retry', reason: TAKEN },
      'Retry after: The CRM refused this: Identifier already in use',
      'Νέα προσπάθεια μετά από: Το CRM το αρνήθηκε: Identifier already in use',
      'Retry after: Identifier already in use',
    ],
    [{ kind: 'retry', reason: null }, 'Retry after: refused', 'Νέα προσπάθεια μετά από: απορρίφθηκε'],
  ],
  discard: [
    [
      { kind: 'discard', change: SWITCH, reason: { message: 'Not allowed' }, created: false, later: 0 },
      'Discarded set not effective (Not allowed)',
      'Απορρίφθηκε: απενεργοποίηση (Not allowed)',
    ],
    [
      { kind: 'discard', change: SWITCH, reason: null, created: false, later: 1 },
      'Discarded set not effective (refused by the CRM); 1 later change goes on',
      'Απορρίφθηκε: απενεργοποίηση (το απέρριψε το CRM)· 1 επόμενη αλλαγή συνεχίζει',
    ],
    [
      { kind: 'discard', change: CREATE, reason: TAKEN, created: true, later: 2 },
      'Discarded create AC-100 (The CRM refused this: Identifier already in use); never created in the CRM, so the token and 2 later changes were removed from this counter',
      'Απορρίφθηκε: δημιουργία AC-100 (Το CRM το αρνήθηκε: Identifier already in use)· δεν δημιουργήθηκε ποτέ στο CRM, γι’ αυτό το token και 2 επόμενες αλλαγές αφαιρέθηκαν από αυτόν τον πάγκο',
      'Discarded create AC-100 (Identifier already in use); never created in the CRM, so the token and 2 later changes were removed from this counter',
    ],
  ],
  shiftClosed: [
    [
      { kind: 'shiftClosed', counter: COUNTS, operators: [{ operatorId: 'op-1', operator: 'Maria', counts: COUNTS }] },
      'Shift closed. Whole counter: issued 2, handed out 0, switched 1, edited 0, still pending 1, needing attention 0. Maria: issued 2, handed out 0, switched 1, edited 0, still pending 1, needing attention 0.',
      'Η βάρδια έκλεισε. Όλος ο πάγκος: εκδόθηκαν 2, διατέθηκαν 0, άλλαξαν κατάσταση 1, διορθώθηκαν 0, ακόμη σε αναμονή 1, θέλουν προσοχή 0. Maria: εκδόθηκαν 2, διατέθηκαν 0, άλλαξαν κατάσταση 1, διορθώθηκαν 0, ακόμη σε αναμονή 1, θέλουν προσοχή 0.',
    ],
  ],
};

/** Every sample, flat. */
export const auditSamples = (): AuditSample[] => Object.values(AUDIT_SAMPLES).flat() as AuditSample[];
