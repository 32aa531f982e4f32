/** Seals secrets (the CRM password, queued pass codes) so they are never stored in plain text. */
export interface Vault {
  /** What protects the secrets, for the log and the README's troubleshooting. */
  readonly protection: string;
  seal(plaintext: string): Promise<string>;
  unseal(sealed: string): Promise<string>;
}

export class VaultError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VaultError';
  }
}

/** A sealed secret that may not be used here yet (a pass code entered for another CRM origin): it waits. */
export class SecretHeldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretHeldError';
  }
}
