import { safeStorage } from 'electron';
import { assessKeychain, type KeychainAssessment } from './keychain';
import { VaultError, type Vault } from './vault';

/** The OS keychain through Electron's safeStorage (Keychain, DPAPI, libsecret/kwallet), async API. */
export class SafeStorageVault implements Vault {
  get protection(): string {
    return process.platform === 'linux' ? `OS keychain (${safeStorage.getSelectedStorageBackend()})` : 'OS keychain';
  }

  /** Call after app ready; on Linux without a keyring safeStorage falls back to a fixed key. */
  async assess(): Promise<KeychainAssessment> {
    return assessKeychain({
      platform: process.platform,
      available: await safeStorage.isAsyncEncryptionAvailable(),
      linuxBackend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null,
    });
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
