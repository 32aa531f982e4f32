import { safeStorage } from 'electron';
import { VaultError, type Vault } from '../vault/vault';

/** The OS keychain through Electron's safeStorage (Keychain, DPAPI, libsecret/kwallet), async API. */
export class SafeStorageVault implements Vault {
  get protection(): string {
    return process.platform === 'linux' ? `OS keychain (${safeStorage.getSelectedStorageBackend()})` : 'OS keychain';
  }

  /** On Linux without a keyring, safeStorage falls back to a fixed key: say so. */
  async warnIfWeak(log: (message: string) => void): Promise<void> {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) log('No OS keychain is available: secrets cannot be sealed.');
    else if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
      log('No OS keyring found (basic_text): secrets are only obfuscated on this machine.');
    }
  }

  async seal(plaintext: string): Promise<string> {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) throw new VaultError('The OS keychain is not available.');
    return (await safeStorage.encryptStringAsync(plaintext)).toString('base64');
  }

  async unseal(sealed: string): Promise<string> {
    try {
      return (await safeStorage.decryptStringAsync(Buffer.from(sealed, 'base64'))).result;
    } catch {
      throw new VaultError("This secret cannot be opened with this computer's keychain; enter it again.");
    }
  }
}
