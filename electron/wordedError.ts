import type { MainWords } from '../shared/ipc/mainWords';

/** A refusal or failure main explains to the clerk: English for the log, `words` (a code and its data) for the screen. */
export class WordedError extends Error {
  constructor(
    readonly words: MainWords,
    message: string,
  ) {
    super(message);
    this.name = 'WordedError';
  }
}
