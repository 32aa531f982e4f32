import type { MainWords } from '../../shared/ipc/mainWords';
import { WordedError } from '../wordedError';

/** Seals secrets (the CRM password, queued pass codes) so they are never stored in plain text. */
export interface Vault {
  /** What protects the secrets, for the log and the README's troubleshooting. */
  readonly protection: string;
  seal(plaintext: string): Promise<string>;
  unseal(sealed: string): Promise<string>;
}

/** Said to the clerk with its English detail as data: a fault of this computer's keys, for support to read. */
export class VaultError extends WordedError {
  constructor(message: string) {
    super({ code: 'secretUnusable', detail: message }, message);
    this.name = 'VaultError';
  }
}

/** A sealed secret that may not be used here yet (a pass code entered for another CRM origin): it waits. */
export class SecretHeldError extends WordedError {
  constructor(words: MainWords, message: string) {
    super(words, message);
    this.name = 'SecretHeldError';
  }
}
