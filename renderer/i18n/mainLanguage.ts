import { languageCodeSchema, type LanguageCode } from '../../shared/ipc/contract';
import { i18n } from './i18n';

/** The language main's native dialogs speak for the window's: English for the pseudo-locale. */
export const mainLanguage = (code: string): LanguageCode => languageCodeSchema.safeParse(code).data ?? 'en';

/**
 * Tells main the counter's language now and at every change, so its own dialogs (the keychain warning,
 * the quit message) speak it too. A failed call only leaves them in the earlier language.
 */
export function tellMainTheLanguage(setLanguage: (request: { language: LanguageCode }) => Promise<object>): void {
  const tell = (code: string) => {
    setLanguage({ language: mainLanguage(code) }).catch((error: unknown) => console.warn('Main was not told the language', error));
  };
  tell(i18n.language);
  i18n.on('languageChanged', tell);
}
