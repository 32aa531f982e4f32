import type { SameKeys } from '../../area';
import type { operators as english } from '../operators';

/** Signing in, the first manager, and managing operators. In Greek. */
export const operators: SameKeys<typeof english> = {
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
};
