import type { SecretMask } from '../logging/redact';
import type { Vault } from './vault';

/** A vault that tells the log's mask every plain secret it handles, so none is ever written out. */
export function maskingVault(vault: Vault, mask: SecretMask): Vault {
  return {
    get protection() {
      return vault.protection;
    },
    async seal(plaintext) {
      mask.add(plaintext);
      return vault.seal(plaintext);
    },
    async unseal(sealed) {
      const plaintext = await vault.unseal(sealed);
      mask.add(plaintext);
      return plaintext;
    },
  };
}
