import { area } from '../area';

/** The recovery screen, shown instead of the app when the local database cannot be opened. */
export const recovery = area(
  {
    damage: {
      newer: 'The local database was written by a newer version of Token Desk, which this version cannot read.',
      full: 'The disk is full, so the local database cannot be opened.',
      incomplete: 'Part of the local database is missing.',
      unreadable: 'The local database is damaged and cannot be read.',
    },
    title: 'Token Desk cannot open its local database',
    reading: 'Looking for unsynced work in the second copy…',
    readFailed: 'The second copy of unsynced work could not be read: {{reason}}',
    none: 'No change waits to be sent to the CRM: the second copy holds none.',
    safe_one: '{{count}} change not yet sent to the CRM is safe in the second copy Token Desk keeps beside the database.',
    safe_other: '{{count}} changes not yet sent to the CRM are safe in the second copy Token Desk keeps beside the database.',
    saved_one: 'Saved {{count}} change to {{path}}.',
    saved_other: 'Saved {{count}} changes to {{path}}.',
    diagnosticsSaved: 'Diagnostics saved to {{path}}.',
    whatToDo: 'What you can do',
    export: 'Export unsynced work to a file',
    exportHint: 'A copy to keep, or to take to another computer.',
    rebuild: 'Rebuild the database from the second copy',
    newerHint: 'Installing the newer version of Token Desk again keeps everything; rebuild only if that cannot be done.',
    rebuildHint:
      'The local database starts empty and the unsynced work is put back in the queue, to be sent once. Tokens are read again from the CRM; this counter’s history, imported definition and name are not in the second copy and start empty.',
    diagnostics: 'Export diagnostics',
    tryAgain: 'Try again',
  },
  {
    damage: {
      newer: 'Η τοπική βάση δεδομένων γράφτηκε από νεότερη έκδοση του Token Desk, την οποία αυτή η έκδοση δεν μπορεί να διαβάσει.',
      full: 'Ο δίσκος είναι γεμάτος, οπότε η τοπική βάση δεδομένων δεν μπορεί να ανοίξει.',
      incomplete: 'Λείπει μέρος της τοπικής βάσης δεδομένων.',
      unreadable: 'Η τοπική βάση δεδομένων έχει καταστραφεί και δεν διαβάζεται.',
    },
    title: 'Το Token Desk δεν μπορεί να ανοίξει την τοπική βάση δεδομένων του',
    reading: 'Αναζήτηση μη συγχρονισμένης εργασίας στο δεύτερο αντίγραφο…',
    readFailed: 'Το δεύτερο αντίγραφο της μη συγχρονισμένης εργασίας δεν διαβάστηκε: {{reason}}',
    none: 'Καμία αλλαγή δεν περιμένει να σταλεί στο CRM: το δεύτερο αντίγραφο δεν έχει καμία.',
    safe_one: '{{count}} αλλαγή που δεν έχει σταλεί στο CRM είναι ασφαλής στο δεύτερο αντίγραφο που κρατά το Token Desk δίπλα στη βάση.',
    safe_other: '{{count}} αλλαγές που δεν έχουν σταλεί στο CRM είναι ασφαλείς στο δεύτερο αντίγραφο που κρατά το Token Desk δίπλα στη βάση.',
    saved_one: 'Αποθηκεύτηκε {{count}} αλλαγή στο {{path}}.',
    saved_other: 'Αποθηκεύτηκαν {{count}} αλλαγές στο {{path}}.',
    diagnosticsSaved: 'Τα διαγνωστικά αποθηκεύτηκαν στο {{path}}.',
    whatToDo: 'Τι μπορείτε να κάνετε',
    export: 'Εξαγωγή της μη συγχρονισμένης εργασίας σε αρχείο',
    exportHint: 'Ένα αντίγραφο για φύλαξη ή για μεταφορά σε άλλον υπολογιστή.',
    rebuild: 'Ανακατασκευή της βάσης από το δεύτερο αντίγραφο',
    newerHint: 'Αν εγκαταστήσετε ξανά τη νεότερη έκδοση του Token Desk, διατηρούνται όλα· κάντε ανακατασκευή μόνο αν αυτό δεν γίνεται.',
    rebuildHint:
      'Η τοπική βάση ξεκινά άδεια και η μη συγχρονισμένη εργασία μπαίνει ξανά στην ουρά, για να σταλεί μία φορά. Τα tokens διαβάζονται ξανά από το CRM· το ιστορικό του πάγκου, ο εισηγμένος ορισμός και το όνομά του δεν υπάρχουν στο δεύτερο αντίγραφο και ξεκινούν άδεια.',
    diagnostics: 'Εξαγωγή διαγνωστικών',
    tryAgain: 'Δοκιμή ξανά',
  },
);
