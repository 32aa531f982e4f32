import type { LanguageCode } from '../../shared/ipc/contract';

/**
 * The language main's native dialogs speak: the window's, once it has said it (setLanguage), and the
 * operating system's until then. Kept in memory: the window says it again at every start.
 */
export class WindowLanguage {
  private said: LanguageCode | null = null;
  private readonly waiting: Array<(language: LanguageCode) => void> = [];

  constructor(private readonly system: LanguageCode = 'en') {}

  current(): LanguageCode {
    return this.said ?? this.system;
  }

  use(language: LanguageCode): void {
    const first = this.said === null;
    this.said = language;
    if (first) for (const listener of this.waiting.splice(0)) listener(language);
  }

  /** Runs `listener` once, when the window first says its language (at once if it already has). */
  whenSaid(listener: (language: LanguageCode) => void): void {
    if (this.said) listener(this.said);
    else this.waiting.push(listener);
  }
}
