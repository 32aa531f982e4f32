import { describe, expect, it } from 'vitest';
import { WindowLanguage } from '../../../electron/app/windowLanguage';
import type { LanguageCode } from '../../../shared/ipc/contract';

describe("main's language", () => {
  it("is the system's until the window says its own, then the window's latest", () => {
    const language = new WindowLanguage('el');
    expect(language.current()).toBe('el');
    language.use('en');
    expect(language.current()).toBe('en');
    language.use('el');
    expect(language.current()).toBe('el');
  });

  it('runs what waits for the window once, at its first word, with that language', () => {
    const language = new WindowLanguage('en');
    const heard: LanguageCode[] = [];
    language.whenSaid((said) => heard.push(said));
    expect(heard).toEqual([]);
    language.use('el');
    language.use('en');
    expect(heard).toEqual(['el']);
    language.whenSaid((said) => heard.push(said));
    expect(heard).toEqual(['el', 'en']);
  });
});
