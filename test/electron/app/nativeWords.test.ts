import { describe, expect, it } from 'vitest';
import { crashedForGood, keychainWarning, languageOfLocale, NATIVE_WORDS, quitMessage, updateNotification } from '../../../electron/app/nativeWords';
import type { LanguageCode } from '../../../shared/ipc/contract';

/** Every text of a language's record, each function called with sample numbers. */
function textsOf(language: LanguageCode): string[] {
  const words = NATIVE_WORDS[language];
  return [
    words.keychainTitle,
    words.keychain.none,
    words.keychain.weak,
    words.crashedForGood('3', '5'),
    words.stillQueued.one('1'),
    words.stillQueued.other('7'),
    words.updateReady.title,
    words.updateReady.body,
  ];
}

describe("main's words for its native dialogs", () => {
  it('has every text in English and Greek, each a sentence of its own language', () => {
    const english = textsOf('en');
    const greek = textsOf('el');
    expect(greek).toHaveLength(english.length);
    for (const text of [...english, ...greek]) expect(text.trim().length).toBeGreaterThan(10);
    for (const text of english) expect(text).not.toMatch(/[\u0370-\u03ff]/);
    for (const [index, text] of greek.entries()) {
      expect(text, english[index]).toMatch(/[\u0370-\u03ff]{3}/);
      expect(text).not.toBe(english[index]);
    }
  });

  it('words the quit message with the right plural for 1, 2 and 5 in both languages, and says nothing when nothing stays', () => {
    expect(quitMessage('en', 1)).toMatch(/^1 change stays queued .* take it now\. It is kept/);
    expect(quitMessage('en', 2)).toMatch(/^2 changes stay queued .* take them now\. They are kept/);
    expect(quitMessage('en', 5)).toMatch(/^5 changes stay queued/);
    expect(quitMessage('el', 1)).toMatch(/^1 αλλαγή παραμένει στην ουρά .* τη δεχτεί τώρα\. Φυλάσσεται/);
    expect(quitMessage('el', 2)).toMatch(/^2 αλλαγές παραμένουν στην ουρά .* τις δεχτεί τώρα\. Φυλάσσονται/);
    expect(quitMessage('el', 5)).toMatch(/^5 αλλαγές παραμένουν/);
    expect(quitMessage('en', 0)).toBeNull();
    expect(quitMessage('el', 0)).toBeNull();
  });

  it('writes large counts with the language’s digit grouping', () => {
    expect(quitMessage('en', 1200)).toMatch(/^1,200 changes/);
    expect(quitMessage('el', 1200)).toMatch(/^1\.200 αλλαγές/);
  });

  it('words the crash dialog from the reload limits', () => {
    expect(crashedForGood('en', 3, 5 * 60_000)).toMatch(/^The window crashed 3 times in 5 minutes/);
    expect(crashedForGood('el', 4, 10 * 60_000)).toMatch(/^Το παράθυρο κατέρρευσε 4 φορές σε 10 λεπτά/);
  });

  it('words the keychain warning for a missing and for a weak keychain', () => {
    expect(keychainWarning('el', 'none')).toEqual({ message: NATIVE_WORDS.el.keychainTitle, detail: NATIVE_WORDS.el.keychain.none });
    expect(keychainWarning('en', 'weak')).toEqual({ message: 'Secrets are not protected by an OS keychain', detail: NATIVE_WORDS.en.keychain.weak });
  });

  it('words the update notification in the language main speaks when the download ends, leaving {version} to electron-updater', () => {
    let language: LanguageCode = 'en';
    const notification = updateNotification(() => language);
    expect(notification).toEqual(NATIVE_WORDS.en.updateReady);
    language = 'el';
    expect(notification.title).toMatch(/^Μια νέα έκδοση του Token Desk/);
    for (const code of ['en', 'el'] as const) expect(NATIVE_WORDS[code].updateReady.body).toContain('{version}');
  });

  it("takes the operating system's language from its locale, English for any language it does not speak", () => {
    expect(languageOfLocale('el')).toBe('el');
    expect(languageOfLocale('el-GR')).toBe('el');
    expect(languageOfLocale('EL_cy')).toBe('el');
    expect(languageOfLocale('en-US')).toBe('en');
    expect(languageOfLocale('de-DE')).toBe('en');
    expect(languageOfLocale('')).toBe('en');
  });
});
