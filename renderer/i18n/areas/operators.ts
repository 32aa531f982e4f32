import { area } from '../area';

/** Signing in, the first manager, and managing operators. */
export const operators = area(
  {
    signIn: {
      title: 'Sign in',
      lockedTitle: 'Screen locked',
      locked: '{{name}} was signed in. Enter the PIN to go on, or choose another operator to switch.',
      choose: 'Choose your name and enter your PIN.',
      chooseOrBadge: 'Choose your name and enter your PIN, or scan your badge.',
      pinForm: 'Sign in with a PIN',
      operator: 'Operator',
      option: '{{name}} ({{role}})',
      pin: 'PIN',
      submit: 'Sign in',
      lockedOut: '{{name}} is locked after too many wrong PINs.',
      badgeForm: 'Sign in with a badge',
      badge: 'Badge code',
      badgeHint: 'Scan your badge here.',
      badgeSubmit: 'Sign in with badge',
      pinDigits: 'A PIN is 4 to 12 digits.',
    },
    first: {
      title: 'Create the first manager',
      welcome:
        'Welcome to Token Desk. Every change at this counter names the operator who made it, so the first step is a manager: a name and a PIN. The manager then adds the clerks, changes Settings and can start training mode.',
      name: 'Manager’s name',
      pin: 'New PIN',
      pinHint: '4 to 12 digits.',
      again: 'New PIN again',
      submit: 'Create manager and sign in',
      nameMissing: 'Enter the manager’s name.',
      differ: 'The two PINs differ. Type the same PIN twice.',
    },
  },
  {
    signIn: {
      title: 'Σύνδεση',
      lockedTitle: 'Η οθόνη είναι κλειδωμένη',
      locked: 'Ήταν συνδεδεμένος ο/η {{name}}. Πληκτρολογήστε το PIN για να συνεχίσετε ή διαλέξτε άλλον χειριστή για αλλαγή.',
      choose: 'Διαλέξτε το όνομά σας και πληκτρολογήστε το PIN σας.',
      chooseOrBadge: 'Διαλέξτε το όνομά σας και πληκτρολογήστε το PIN σας ή σαρώστε την κάρτα σας.',
      pinForm: 'Σύνδεση με PIN',
      operator: 'Χειριστής',
      option: '{{name}} ({{role}})',
      pin: 'PIN',
      submit: 'Σύνδεση',
      lockedOut: 'Ο/Η {{name}} κλειδώθηκε μετά από πολλά λάθος PIN.',
      badgeForm: 'Σύνδεση με κάρτα',
      badge: 'Κωδικός κάρτας',
      badgeHint: 'Σαρώστε εδώ την κάρτα σας.',
      badgeSubmit: 'Σύνδεση με κάρτα',
      pinDigits: 'Το PIN έχει 4 έως 12 ψηφία.',
    },
    first: {
      title: 'Δημιουργία του πρώτου υπεύθυνου',
      welcome:
        'Καλώς ήρθατε στο Token Desk. Κάθε αλλαγή σε αυτόν τον πάγκο καταγράφει τον χειριστή που την έκανε, γι’ αυτό το πρώτο βήμα είναι ένας υπεύθυνος: ένα όνομα και ένα PIN. Ο υπεύθυνος προσθέτει μετά τους υπαλλήλους, αλλάζει τις Ρυθμίσεις και μπορεί να ξεκινήσει την εκπαίδευση.',
      name: 'Όνομα υπεύθυνου',
      pin: 'Νέο PIN',
      pinHint: '4 έως 12 ψηφία.',
      again: 'Νέο PIN ξανά',
      submit: 'Δημιουργία υπεύθυνου και σύνδεση',
      nameMissing: 'Πληκτρολογήστε το όνομα του υπεύθυνου.',
      differ: 'Τα δύο PIN διαφέρουν. Πληκτρολογήστε το ίδιο PIN δύο φορές.',
    },
  },
);
