import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { LanguageCode } from '../../shared/ipc/contract';
import type { Words } from './area';
import { english } from './catalog';
import { pseudoWords } from './pseudo';

/** The languages a counter can choose (the contract's codes), each named in itself; the pseudo-locale is for tests only. */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'el', name: 'Ελληνικά' },
] as const satisfies ReadonlyArray<{ code: LanguageCode; name: string }>;
export type Language = LanguageCode;
export const PSEUDO = 'en-XA';

/**
 * Kept in localStorage, not the database: the recovery screen, shown when the database cannot be
 * opened, speaks the counter's language too.
 */
const STORAGE_KEY = 'tokenDesk.language';

const isLanguage = (code: string | null): code is Language => LANGUAGES.some((language) => language.code === code);

function storedLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return isLanguage(stored) ? stored : 'en';
}

/** Every catalog but English (bundled, the fallback), each loaded when its language is first chosen. */
const LOADERS: Record<Exclude<Language, 'en'> | typeof PSEUDO, () => Promise<Words>> = {
  el: async () => (await import('./areas/el')).catalog,
  [PSEUDO]: () => Promise.resolve(pseudoWords(english)),
};

const hasLoader = (code: string): code is keyof typeof LOADERS => Object.hasOwn(LOADERS, code);

/** i18next asks it for a language's catalog before it switches to it, so a screen never shows a half-loaded language. */
const catalogLoader: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init: () => undefined,
  read(code, _namespace, done) {
    if (!hasLoader(code)) return done(new Error(`No catalog for ${code}`), false);
    LOADERS[code]().then(
      (words) => done(null, words),
      (error: unknown) => done(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

export const i18n = i18next.createInstance();

/**
 * Resolves once the counter's language is loaded (at once for English): the first render waits for it, so a
 * Greek counter never flashes English.
 */
export const languageLoaded: Promise<unknown> = i18n
  .use(catalogLoader)
  .use(initReactI18next)
  .init({
    resources: { en: { translation: english } },
    partialBundledLanguages: true,
    lng: storedLanguage(),
    fallbackLng: 'en',
    supportedLngs: ['en', 'el', PSEUDO],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });

function followLanguage(code: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = code;
}
followLanguage(i18n.language);
i18n.on('languageChanged', followLanguage);

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export const t: Translate = (key, options = {}) => i18n.t(key, options);

/**
 * Records kept in the database (audit rows, a token's last error) are written in English whatever the
 * counter's language: support reads and exports them, and one log stays in one language.
 */
export const recordT: Translate = (key, options) => i18n.t(key, { ...options, lng: 'en' });

/** Switches the counter's language once its catalog is loaded, and remembers it for the next start. */
export async function chooseLanguage(code: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, code);
  await i18n.changeLanguage(code);
}

export const currentLanguage = (): string => i18n.language;
