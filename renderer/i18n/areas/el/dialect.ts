import type { SameKeys } from '../../area';
import type { dialect as english } from '../dialect';

/** Settings → "How this CRM answers": what calibration learned about the CRM's error codes. In Greek. */
export const dialect: SameKeys<typeof english> = {
  notCalibrated: 'Δεν έχει βαθμονομηθεί ακόμη: μέχρι την πρώτη σύνδεση, η εφαρμογή χρησιμοποιεί κωδικούς σφάλματος κατ’ εκτίμηση και ρωτά ξανά όταν δεν είναι βέβαιη.',
  calibratedAt: 'Βαθμονομήθηκε στις {{at}}.',
  notLearned: 'Δεν έχει μάθει ακόμη πώς λέει αυτό το CRM {{meaning}}· χρησιμοποιείται ο κωδικός κατ’ εκτίμηση.',
  noAnswer: 'Αυτό το CRM δεν έδωσε απάντηση που να ξεχωρίζει η εφαρμογή για {{meaning}}· τέτοιες απαντήσεις θεωρούνται άγνωστες και ρωτιούνται ξανά αργότερα.',
  answers: 'Αυτό το CRM απαντά {{meaning}} με {{crmCode}} (HTTP {{httpStatus}}).',
  generatesCodes: 'Αυτό το CRM φτιάχνει δικούς του κωδικούς ταυτοποίησης: ένα δελτίο που τυπώθηκε χωρίς σύνδεση δείχνει προσωρινό κωδικό μέχρι να συγχρονιστεί το token.',
  keepsCodes: 'Αυτό το CRM κρατά τους κωδικούς ταυτοποίησης που στέλνει η εφαρμογή.',
  meaning: {
    tokenNotFound: '«δεν υπάρχει τέτοιο token»',
    sessionInvalid: '«η συνεδρία έληξε ή δεν ισχύει»',
    participantNotFound: '«δεν υπάρχει τέτοιος συμμετέχων»',
    methodNotFound: '«δεν υπάρχει τέτοια μέθοδος» (παλαιότερη έκδοση)',
  },
};
