import { area } from '../area';

/** Settings: the screen and its sections. */
export const settings = area(
  {
    title: 'Settings',
    managersOnly: 'Settings are for managers. Ask a manager to sign in, with Switch operator.',
    loading: 'Loading the settings…',
    crm: {
      title: 'CRM sign-in',
      configured: 'Changes made at this counter are sent to this CRM.',
      unconfigured: 'No CRM configured: the counter works offline and keeps every change queued.',
    },
    counter: { title: 'This counter' },
    language: {
      title: 'Language',
      label: 'Language of this counter',
      hint: 'Every screen changes at once. Dates, times and numbers follow the language too.',
    },
  },
  {
    title: 'Ρυθμίσεις',
    managersOnly: 'Οι Ρυθμίσεις είναι μόνο για υπεύθυνους. Ζητήστε από έναν υπεύθυνο να συνδεθεί, με την Αλλαγή χειριστή.',
    loading: 'Οι ρυθμίσεις φορτώνουν…',
    crm: {
      title: 'Σύνδεση στο CRM',
      configured: 'Οι αλλαγές αυτού του πάγκου στέλνονται σε αυτό το CRM.',
      unconfigured: 'Δεν έχει οριστεί CRM: ο πάγκος δουλεύει εκτός σύνδεσης και κρατά κάθε αλλαγή στην ουρά.',
    },
    counter: { title: 'Αυτός ο πάγκος' },
    language: {
      title: 'Γλώσσα',
      label: 'Γλώσσα του πάγκου',
      hint: 'Όλες οι οθόνες αλλάζουν αμέσως. Οι ημερομηνίες, οι ώρες και οι αριθμοί ακολουθούν τη γλώσσα.',
    },
  },
);
