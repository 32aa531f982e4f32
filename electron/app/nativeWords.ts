import { LANGUAGE_CODES, type LanguageCode } from '../../shared/ipc/contract';

/** What a plural picks between: the categories of Intl.PluralRules that English and Greek use. */
type Plural = Record<'one' | 'other', (count: string) => string>;

/** The words of main's own native dialogs (the window's are in renderer/i18n), one record per language. */
export interface NativeWords {
  keychainTitle: string;
  /** Why sealed secrets are at risk: no keychain at all, or only an obfuscating one (keychain.ts levels). */
  keychain: Record<'none' | 'weak', string>;
  crashedForGood: (crashes: string, minutes: string) => string;
  stillQueued: Plural;
  /** electron-updater's notification once an update is downloaded; it fills in `{version}`. */
  updateReady: { title: string; body: string };
}

export const NATIVE_WORDS: Readonly<Record<LanguageCode, NativeWords>> = {
  en: {
    keychainTitle: 'Secrets are not protected by an OS keychain',
    keychain: {
      none: 'No OS keychain is available: the CRM password and pass codes cannot be sealed, so they cannot be saved or queued.',
      weak:
        'No OS keyring was found: sealed secrets are only obfuscated with a fixed key on this computer. ' +
        'Install and unlock a keyring (GNOME Keyring or KWallet) to protect the CRM password and pass codes.',
    },
    crashedForGood: (crashes, minutes) =>
      `The window crashed ${crashes} times in ${minutes} minutes and is not reloaded again. Your queued work is kept; restart Token Desk.`,
    stillQueued: {
      one: (count) => `${count} change stays queued on this computer: the CRM could not take it now. It is kept safe and sent the next time Token Desk starts with the CRM reachable.`,
      other: (count) => `${count} changes stay queued on this computer: the CRM could not take them now. They are kept safe and sent the next time Token Desk starts with the CRM reachable.`,
    },
    updateReady: { title: 'A new version of Token Desk is ready', body: 'Token Desk {version} has been downloaded and is installed when Token Desk quits.' },
  },
  el: {
    keychainTitle: 'Τα μυστικά δεν προστατεύονται από κλειδοθήκη του λειτουργικού συστήματος',
    keychain: {
      none: 'Δεν υπάρχει κλειδοθήκη του λειτουργικού συστήματος: ο κωδικός του CRM και οι κωδικοί πρόσβασης δεν μπορούν να σφραγιστούν, γι’ αυτό δεν μπορούν να αποθηκευτούν ούτε να μπουν στην ουρά.',
      weak:
        'Δεν βρέθηκε κλειδοθήκη του λειτουργικού συστήματος: τα σφραγισμένα μυστικά απλώς συσκοτίζονται με ένα σταθερό κλειδί σε αυτόν τον υπολογιστή. ' +
        'Εγκαταστήστε και ξεκλειδώστε μια κλειδοθήκη (GNOME Keyring ή KWallet) για να προστατεύσετε τον κωδικό του CRM και τους κωδικούς πρόσβασης.',
    },
    crashedForGood: (crashes, minutes) =>
      `Το παράθυρο κατέρρευσε ${crashes} φορές σε ${minutes} λεπτά και δεν φορτώνεται ξανά. Η εργασία σας στην ουρά διατηρείται· επανεκκινήστε το Token Desk.`,
    stillQueued: {
      one: (count) => `${count} αλλαγή παραμένει στην ουρά σε αυτόν τον υπολογιστή: το CRM δεν μπόρεσε να τη δεχτεί τώρα. Φυλάσσεται με ασφάλεια και στέλνεται την επόμενη φορά που το Token Desk ξεκινά με το CRM προσβάσιμο.`,
      other: (count) => `${count} αλλαγές παραμένουν στην ουρά σε αυτόν τον υπολογιστή: το CRM δεν μπόρεσε να τις δεχτεί τώρα. Φυλάσσονται με ασφάλεια και στέλνονται την επόμενη φορά που το Token Desk ξεκινά με το CRM προσβάσιμο.`,
    },
    updateReady: { title: 'Μια νέα έκδοση του Token Desk είναι έτοιμη', body: 'Το Token Desk {version} κατέβηκε και εγκαθίσταται όταν κλείσει το Token Desk.' },
  },
};

/** The language of the operating system's locale (Electron's app.getLocale()), until the window says its own. */
export function languageOfLocale(locale: string): LanguageCode {
  const base = locale.toLowerCase().split(/[-_]/)[0];
  return LANGUAGE_CODES.find((code) => code === base) ?? 'en';
}

/** What the operator is told on the way out; null when nothing stays behind. */
export function quitMessage(language: LanguageCode, stillQueued: number): string | null {
  if (stillQueued === 0) return null;
  const category = new Intl.PluralRules(language).select(stillQueued) === 'one' ? 'one' : 'other';
  return NATIVE_WORDS[language].stillQueued[category](new Intl.NumberFormat(language).format(stillQueued));
}

/** What the window says when it crashed too often to be reloaded. */
export function crashedForGood(language: LanguageCode, crashes: number, windowMs: number): string {
  const number = new Intl.NumberFormat(language);
  return NATIVE_WORDS[language].crashedForGood(number.format(crashes), number.format(windowMs / 60_000));
}

/** The keychain warning at start, for a keychain that is missing or weak. */
export function keychainWarning(language: LanguageCode, level: keyof NativeWords['keychain']): { message: string; detail: string } {
  return { message: NATIVE_WORDS[language].keychainTitle, detail: NATIVE_WORDS[language].keychain[level] };
}

/**
 * The update notification's words, read when the download ends (electron-updater reads `title` and
 * `body` then, not when the check starts): in the language main speaks at that moment.
 */
export function updateNotification(language: () => LanguageCode): { readonly title: string; readonly body: string } {
  return {
    get title() {
      return NATIVE_WORDS[language()].updateReady.title;
    },
    get body() {
      return NATIVE_WORDS[language()].updateReady.body;
    },
  };
}
