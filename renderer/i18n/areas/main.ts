import type { Approval, MainWordsCode, ManagerTask } from '../../../shared/ipc/mainWords';
import { area } from '../area';

type Nested = 'managerOnly' | 'needsApproval';
type Plural = 'wrongPin';

/** One text per code main can send (shared/ipc/mainWords.ts): a code without its words is a compile error. */
type MainCatalog = { readonly [C in Exclude<MainWordsCode, Nested | Plural>]: string } & {
  readonly [C in `${Plural}_one` | `${Plural}_other`]: string;
} & {
  readonly managerOnly: Readonly<Record<ManagerTask, string>>;
  readonly needsApproval: Readonly<Record<Approval, string>>;
};

/** What main says to the clerk (refusals, failures), from its code and data; `{{minutes}}` comes formatted. */
export const main = area(
  {
    failed: 'Token Desk could not do this: {{detail}}',
    notTheWindow: 'This request did not come from the Token Desk window, so it was refused.',
    badCall: 'Token Desk could not carry out “{{channel}}”. Restart Token Desk; if it happens again, export the diagnostics for support.',
    operatorsExist: 'This counter already has operators: sign in as one of them.',
    onlyManager: '{{name}} is the only manager and cannot be removed. Add another manager first.',
    operatorGone: 'This operator no longer exists. Choose another.',
    badgeUnknown: 'This badge belongs to no operator of this counter.',
    badgeTaken: 'This badge already belongs to another operator.',
    nameTaken: 'There is already an operator called {{name}}. Choose another name.',
    operatorsDamaged: 'The operators file {{path}} is damaged, so nobody can sign in. Restore it from a backup, or delete it to create the first manager again.',
    operatorLocked: '{{name}} is locked after {{failures}} wrong PINs. Try again in {{minutes}}, or ask a manager to reset the PIN.',
    wrongPin_one: 'Wrong PIN. {{count}} more try before {{name}} is locked for {{minutes}}.',
    wrongPin_other: 'Wrong PIN. {{count}} more tries before {{name}} is locked for {{minutes}}.',
    wrongPinLocked: 'Wrong PIN. {{name}} is now locked for {{minutes}}, or until a manager resets the PIN.',
    notSignedIn: 'Nobody is signed in at this window. Sign in first.',
    screenLocked: 'The screen is locked. Sign in again first.',
    signedInRemoved: 'The signed-in operator was removed. Sign in again.',
    managerOnly: {
      saveSettings: 'Only a manager can change the CRM settings. Ask a manager to sign in, or to approve it.',
      confirmCrmMove: 'Only a manager can confirm a move of the CRM. Ask a manager to sign in, or to approve it.',
      testConnection: 'Only a manager can test the CRM sign-in. Ask a manager to sign in, or to approve it.',
      importUnsyncedWork: 'Only a manager can import unsynced work. Ask a manager to sign in, or to approve it.',
      setTraining: 'Only a manager can switch training mode. Ask a manager to sign in, or to approve it.',
      setTrainingFaults: 'Only a manager can set the training faults. Ask a manager to sign in, or to approve it.',
      addOperator: 'Only a manager can add an operator. Ask a manager to sign in, or to approve it.',
      removeOperator: 'Only a manager can remove an operator. Ask a manager to sign in, or to approve it.',
      resetOperator: 'Only a manager can reset an operator’s PIN. Ask a manager to sign in, or to approve it.',
    },
    needsApproval: {
      discardChange: 'Only a manager can discard a refused change. Ask a manager to approve it with their PIN.',
      importDefinition: 'Only a manager can import an access token definition. Ask a manager to approve it with their PIN.',
      counterSettings: 'Only a manager can change this counter’s settings. Ask a manager to approve it with their PIN.',
    },
    notAManager: '{{name}} is not a manager, so cannot approve this.',
    printerSaid: 'The printer said: {{reason}}.',
    printerNoReason: 'The printer gave no reason.',
    printWindowGone: 'The window to print from is gone.',
    printerGone: 'The printer “{{printer}}” is not connected to this computer. Check it, or choose another printer in Settings.',
    trainingOff: 'Training mode is off: switch it on in Settings first.',
    trainingOn: 'Training mode is on: this is done with real work only; leave training mode first (Settings).',
    trainingPassCode: 'This pass code was not entered in this training session.',
    trainingSwitched: 'Training mode was switched in another window or just now; this window reloads before it sends anything.',
    cannotRebuild: 'This window cannot rebuild its database here; restart Token Desk.',
    notUnsyncedWork: 'This is not a file of unsynced work exported by Token Desk (or it is damaged); nothing was imported.',
    plainHttpRefused:
      'The CRM URL must start with https:// (plain http:// is only for this computer). To use an unencrypted CRM anyway, tick “Allow an unencrypted CRM”.',
    plainHttpHeld: 'The CRM URL uses plain http://; use https://, or allow an unencrypted CRM in Settings.',
    settingsDamaged: 'The CRM settings file is damaged; save the settings again. (Details: {{detail}})',
    secretUnusable: 'A sealed secret cannot be used on this computer; enter it again. (Details: {{detail}})',
    passCodeHeld: 'This pass code was entered for {{from}}, and the CRM is now {{to}}. It waits until you confirm the move in Settings.',
    crmRefused: 'The CRM refused this: {{reason}}',
    crmUnreached: 'The CRM could not be reached: {{detail}}',
    noCrm: 'No CRM is configured; changes stay queued.',
    simulatorUnreached: 'The simulated CRM cannot be reached to change the token: {{detail}}',
    crmChangedMeanwhile: 'The CRM changed a token meanwhile; choose which value stays.',
    waitsForEarlier: 'Waits for an earlier change of this token, which needs attention first.',
    unsendable: 'This change cannot be sent: it breaks a rule of the contract with main ({{detail}}). Discard it, or export the diagnostics for support.',
  } satisfies MainCatalog,
  {
    failed: 'Το Token Desk δεν μπόρεσε να το κάνει: {{detail}}',
    notTheWindow: 'Αυτό το αίτημα δεν ήρθε από το παράθυρο του Token Desk και απορρίφθηκε.',
    badCall: 'Το Token Desk δεν μπόρεσε να εκτελέσει το «{{channel}}». Επανεκκινήστε το Token Desk· αν ξανασυμβεί, εξαγάγετε τα διαγνωστικά για την υποστήριξη.',
    operatorsExist: 'Αυτός ο πάγκος έχει ήδη χειριστές: συνδεθείτε ως ένας από αυτούς.',
    onlyManager: 'Ο/Η {{name}} είναι ο μόνος υπεύθυνος και δεν μπορεί να αφαιρεθεί. Προσθέστε πρώτα άλλον υπεύθυνο.',
    operatorGone: 'Αυτός ο χειριστής δεν υπάρχει πια. Διαλέξτε άλλον.',
    badgeUnknown: 'Αυτή η κάρτα δεν ανήκει σε κανέναν χειριστή αυτού του πάγκου.',
    badgeTaken: 'Αυτή η κάρτα ανήκει ήδη σε άλλον χειριστή.',
    nameTaken: 'Υπάρχει ήδη χειριστής με το όνομα {{name}}. Διαλέξτε άλλο όνομα.',
    operatorsDamaged:
      'Το αρχείο χειριστών {{path}} είναι κατεστραμμένο, οπότε κανείς δεν μπορεί να συνδεθεί. Επαναφέρετέ το από αντίγραφο ασφαλείας ή διαγράψτε το για να δημιουργήσετε ξανά τον πρώτο υπεύθυνο.',
    operatorLocked:
      'Ο/Η {{name}} κλειδώθηκε μετά από {{failures}} λάθος PIN. Δοκιμάστε ξανά σε {{minutes}} ή ζητήστε από έναν υπεύθυνο να ορίσει νέο PIN.',
    wrongPin_one: 'Λάθος PIN. Απομένει {{count}} προσπάθεια πριν κλειδωθεί ο/η {{name}} για {{minutes}}.',
    wrongPin_other: 'Λάθος PIN. Απομένουν {{count}} προσπάθειες πριν κλειδωθεί ο/η {{name}} για {{minutes}}.',
    wrongPinLocked: 'Λάθος PIN. Ο/Η {{name}} κλειδώθηκε για {{minutes}} ή μέχρι να ορίσει νέο PIN ένας υπεύθυνος.',
    notSignedIn: 'Κανείς δεν είναι συνδεδεμένος σε αυτό το παράθυρο. Συνδεθείτε πρώτα.',
    screenLocked: 'Η οθόνη είναι κλειδωμένη. Συνδεθείτε πρώτα ξανά.',
    signedInRemoved: 'Ο συνδεδεμένος χειριστής αφαιρέθηκε. Συνδεθείτε ξανά.',
    managerOnly: {
      saveSettings: 'Μόνο υπεύθυνος μπορεί να αλλάξει τις ρυθμίσεις του CRM. Ζητήστε από έναν υπεύθυνο να συνδεθεί ή να το εγκρίνει.',
      confirmCrmMove: 'Μόνο υπεύθυνος μπορεί να επιβεβαιώσει τη μετακίνηση του CRM. Ζητήστε από έναν υπεύθυνο να συνδεθεί ή να το εγκρίνει.',
      testConnection: 'Μόνο υπεύθυνος μπορεί να δοκιμάσει τη σύνδεση στο CRM. Ζητήστε από έναν υπεύθυνο να συνδεθεί ή να το εγκρίνει.',
      importUnsyncedWork: 'Μόνο υπεύθυνος μπορεί να εισαγάγει μη συγχρονισμένη εργασία. Ζητήστε από έναν υπεύθυνο να συνδεθεί ή να το εγκρίνει.',
      setTraining: 'Μόνο υπεύθυνος μπορεί να αλλάξει τη λειτουργία εκπαίδευσης. Ζητήστε από έναν υπεύθυνο να συνδεθεί ή να το εγκρίνει.',
      setTrainingFaults: 'Μόνο υπεύθυνος μπορεί να ορίσει τα σφάλματα εκπαίδευσης. Ζητήστε από έναν υπεύθυνο να συνδεθεί ή να το εγκρίνει.',
      addOperator: 'Μόνο υπεύθυνος μπορεί να προσθέσει χειριστή. Ζητήστε από έναν υπεύθυνο να συνδεθεί ή να το εγκρίνει.',
      removeOperator: 'Μόνο υπεύθυνος μπορεί να αφαιρέσει χειριστή. Ζητήστε από έναν υπεύθυνο να συνδεθεί ή να το εγκρίνει.',
      resetOperator: 'Μόνο υπεύθυνος μπορεί να ορίσει νέο PIN χειριστή. Ζητήστε από έναν υπεύθυνο να συνδεθεί ή να το εγκρίνει.',
    },
    needsApproval: {
      discardChange: 'Μόνο υπεύθυνος μπορεί να απορρίψει μια αλλαγή που αρνήθηκε το CRM. Ζητήστε από έναν υπεύθυνο να το εγκρίνει με το PIN του.',
      importDefinition: 'Μόνο υπεύθυνος μπορεί να εισαγάγει ορισμό access token. Ζητήστε από έναν υπεύθυνο να το εγκρίνει με το PIN του.',
      counterSettings: 'Μόνο υπεύθυνος μπορεί να αλλάξει τις ρυθμίσεις αυτού του πάγκου. Ζητήστε από έναν υπεύθυνο να το εγκρίνει με το PIN του.',
    },
    notAManager: 'Ο/Η {{name}} δεν είναι υπεύθυνος, οπότε δεν μπορεί να το εγκρίνει.',
    printerSaid: 'Ο εκτυπωτής απάντησε: {{reason}}.',
    printerNoReason: 'Ο εκτυπωτής δεν έδωσε αιτία.',
    printWindowGone: 'Το παράθυρο από το οποίο θα γινόταν η εκτύπωση έκλεισε.',
    printerGone: 'Ο εκτυπωτής «{{printer}}» δεν είναι συνδεδεμένος σε αυτόν τον υπολογιστή. Ελέγξτε τον ή διαλέξτε άλλον εκτυπωτή στις Ρυθμίσεις.',
    trainingOff: 'Η λειτουργία εκπαίδευσης είναι ανενεργή: ενεργοποιήστε τη πρώτα στις Ρυθμίσεις.',
    trainingOn: 'Η λειτουργία εκπαίδευσης είναι ενεργή: αυτό γίνεται μόνο με πραγματική εργασία· βγείτε πρώτα από την εκπαίδευση (Ρυθμίσεις).',
    trainingPassCode: 'Αυτός ο κωδικός πρόσβασης δεν δόθηκε σε αυτή τη συνεδρία εκπαίδευσης.',
    trainingSwitched: 'Η λειτουργία εκπαίδευσης άλλαξε σε άλλο παράθυρο ή μόλις τώρα· αυτό το παράθυρο ξαναφορτώνει πριν στείλει οτιδήποτε.',
    cannotRebuild: 'Αυτό το παράθυρο δεν μπορεί να ξαναφτιάξει τη βάση του εδώ· επανεκκινήστε το Token Desk.',
    notUnsyncedWork: 'Αυτό δεν είναι αρχείο μη συγχρονισμένης εργασίας από το Token Desk (ή είναι κατεστραμμένο)· δεν εισήχθη τίποτα.',
    plainHttpRefused:
      'Η διεύθυνση του CRM πρέπει να αρχίζει με https:// (το σκέτο http:// είναι μόνο για αυτόν τον υπολογιστή). Για να χρησιμοποιήσετε παρ’ όλα αυτά CRM χωρίς κρυπτογράφηση, επιλέξτε «Να επιτρέπεται CRM χωρίς κρυπτογράφηση».',
    plainHttpHeld: 'Η διεύθυνση του CRM χρησιμοποιεί σκέτο http://· χρησιμοποιήστε https:// ή επιτρέψτε CRM χωρίς κρυπτογράφηση στις Ρυθμίσεις.',
    settingsDamaged: 'Το αρχείο ρυθμίσεων του CRM είναι κατεστραμμένο· αποθηκεύστε ξανά τις ρυθμίσεις. (Λεπτομέρειες: {{detail}})',
    secretUnusable: 'Ένα σφραγισμένο μυστικό δεν μπορεί να χρησιμοποιηθεί σε αυτόν τον υπολογιστή· πληκτρολογήστε το ξανά. (Λεπτομέρειες: {{detail}})',
    passCodeHeld: 'Αυτός ο κωδικός πρόσβασης δόθηκε για το {{from}} και το CRM είναι τώρα το {{to}}. Περιμένει μέχρι να επιβεβαιώσετε τη μετακίνηση στις Ρυθμίσεις.',
    crmRefused: 'Το CRM το αρνήθηκε: {{reason}}',
    crmUnreached: 'Δεν ήταν δυνατή η σύνδεση με το CRM: {{detail}}',
    noCrm: 'Δεν έχει οριστεί CRM· οι αλλαγές μένουν στην ουρά.',
    simulatorUnreached: 'Το προσομοιωμένο CRM δεν είναι προσβάσιμο για να αλλάξει το token: {{detail}}',
    crmChangedMeanwhile: 'Το CRM άλλαξε ένα token στο μεταξύ· διαλέξτε ποια τιμή μένει.',
    waitsForEarlier: 'Περιμένει μια προηγούμενη αλλαγή αυτού του token, που θέλει πρώτα προσοχή.',
    unsendable: 'Αυτή η αλλαγή δεν μπορεί να σταλεί: παραβιάζει έναν κανόνα της επικοινωνίας με την κύρια διεργασία ({{detail}}). Απορρίψτε την ή εξαγάγετε τα διαγνωστικά για την υποστήριξη.',
  },
);
