import { area } from '../area';

/** The help panel (F1): each step a whole sentence, never put together from pieces. */
export const help = area(
  {
    title: 'Help at the counter',
    intro: 'The flows of the counter, step by step. Press Esc to close this help.',
    close: 'Close help',
    scan: {
      title: 'Scan',
      step1: 'Scan a card, a key fob or a slip on any screen.',
      step2: 'The token opens on its own. If it is not on this counter yet, Token Desk asks the CRM for it.',
      step3: 'To type a code instead, press F2 and type it into Find.',
    },
    issue: {
      title: 'Issue a token',
      step1: 'Press F3 to open Issue.',
      step2: 'Fill in the participant, the identifier and the pass code, or leave them empty when the customer has none.',
      step3: 'Press Ctrl+Enter to save. The token is saved at once, even offline.',
      step4: 'Press Ctrl+P to print the slip for the customer.',
    },
    handOut: {
      title: 'Hand out a stock token',
      step1: 'Press F6 to open Stock and choose Hand out a stock token.',
      step2: 'Give the customer an identifier and a pass code if they want one, then save.',
      step3: 'Stock works offline. It refills at each sync, or when you press Refill now.',
    },
    switch: {
      title: 'Switch a token',
      step1: 'Open the token by scanning it or from Find.',
      step2: 'Use the Effective switch and confirm. The change is queued and sent at the next sync.',
    },
    pending: {
      title: 'Settle Pending',
      step1: 'Press F4 to open Pending. Changes the CRM refused are listed first, each with its reason.',
      step2: 'Fix the value and send it again, or keep the value the CRM has.',
      step3: 'Only a manager can discard a refused change. A clerk can ask a manager to approve it with their PIN.',
      step4: 'Press F5 to sync now.',
    },
    closeShift: {
      title: 'Close the shift',
      step1: 'Press F9 to see the end-of-shift summary for each operator and for the whole counter.',
      step2: 'Print it or export it as CSV if you need a copy.',
      step3: 'Press Close shift. It is recorded in the audit log and you are signed out.',
    },
  },
  {
    title: 'Βοήθεια στον πάγκο',
    intro: 'Οι εργασίες του πάγκου, βήμα προς βήμα. Πατήστε Esc για να κλείσει η βοήθεια.',
    close: 'Κλείσιμο βοήθειας',
    scan: {
      title: 'Σάρωση',
      step1: 'Σαρώστε μια κάρτα, ένα μπρελόκ ή μια απόδειξη σε οποιαδήποτε οθόνη.',
      step2: 'Το token ανοίγει μόνο του. Αν δεν υπάρχει ακόμη σε αυτόν τον πάγκο, το Token Desk το ζητά από το CRM.',
      step3: 'Για να πληκτρολογήσετε έναν κωδικό, πατήστε F2 και γράψτε τον στην Αναζήτηση.',
    },
    issue: {
      title: 'Έκδοση token',
      step1: 'Πατήστε F3 για να ανοίξει η Έκδοση.',
      step2: 'Συμπληρώστε τον συμμετέχοντα, το αναγνωριστικό και τον κωδικό πρόσβασης ή αφήστε τα κενά αν ο πελάτης δεν έχει.',
      step3: 'Πατήστε Ctrl+Enter για αποθήκευση. Το token αποθηκεύεται αμέσως, ακόμη και εκτός σύνδεσης.',
      step4: 'Πατήστε Ctrl+P για να εκτυπώσετε την απόδειξη για τον πελάτη.',
    },
    handOut: {
      title: 'Διάθεση token από το απόθεμα',
      step1: 'Πατήστε F6 για να ανοίξει το Απόθεμα και επιλέξτε Διάθεση token από το απόθεμα.',
      step2: 'Δώστε στον πελάτη αναγνωριστικό και κωδικό πρόσβασης αν θέλει, και μετά αποθηκεύστε.',
      step3: 'Το απόθεμα δουλεύει εκτός σύνδεσης. Συμπληρώνεται σε κάθε συγχρονισμό ή όταν πατήσετε Συμπλήρωση τώρα.',
    },
    switch: {
      title: 'Αλλαγή κατάστασης token',
      step1: 'Ανοίξτε το token σαρώνοντάς το ή από την Αναζήτηση.',
      step2: 'Χρησιμοποιήστε τον διακόπτη Ενεργό και επιβεβαιώστε. Η αλλαγή μπαίνει στην ουρά και στέλνεται στον επόμενο συγχρονισμό.',
    },
    pending: {
      title: 'Τακτοποίηση εκκρεμοτήτων',
      step1: 'Πατήστε F4 για να ανοίξουν τα Εκκρεμή. Οι αλλαγές που απέρριψε το CRM εμφανίζονται πρώτες, η καθεμία με τον λόγο της.',
      step2: 'Διορθώστε την τιμή και στείλτε την ξανά ή κρατήστε την τιμή που έχει το CRM.',
      step3: 'Μόνο υπεύθυνος μπορεί να απορρίψει μια αλλαγή που αρνήθηκε το CRM. Ένας υπάλληλος μπορεί να ζητήσει έγκριση από υπεύθυνο με το PIN του.',
      step4: 'Πατήστε F5 για συγχρονισμό τώρα.',
    },
    closeShift: {
      title: 'Κλείσιμο βάρδιας',
      step1: 'Πατήστε F9 για να δείτε τη σύνοψη τέλους βάρδιας για κάθε χειριστή και για όλο τον πάγκο.',
      step2: 'Εκτυπώστε την ή εξαγάγετέ την σε CSV αν χρειάζεστε αντίγραφο.',
      step3: 'Πατήστε Κλείσιμο βάρδιας. Καταγράφεται στο αρχείο ελέγχου και αποσυνδέεστε.',
    },
  },
);
