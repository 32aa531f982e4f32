/** How well the OS protects sealed secrets, from what Electron's safeStorage reports. */
export interface KeychainFacts {
  platform: NodeJS.Platform;
  /** safeStorage.isAsyncEncryptionAvailable() */
  available: boolean;
  /** safeStorage.getSelectedStorageBackend() on Linux ('basic_text', 'gnome_libsecret', 'kwallet5', ...). */
  linuxBackend: string | null;
}

export type KeychainAssessment =
  | { level: 'ok'; protection: string }
  | { level: 'weak' | 'none'; protection: string; warning: string };

export function assessKeychain(facts: KeychainFacts): KeychainAssessment {
  if (!facts.available) {
    return {
      level: 'none',
      protection: 'none',
      warning: 'No OS keychain is available: the CRM password and pass codes cannot be sealed, so they cannot be saved or queued.',
    };
  }
  if (facts.platform !== 'linux') return { level: 'ok', protection: 'OS keychain' };
  const backend = facts.linuxBackend ?? 'unknown';
  if (backend === 'basic_text' || backend === 'unknown') {
    return {
      level: 'weak',
      protection: `OS keychain (${backend})`,
      warning:
        'No OS keyring was found (basic_text): sealed secrets are only obfuscated with a fixed key on this computer. ' +
        'Install and unlock a keyring (GNOME Keyring or KWallet) to protect the CRM password and pass codes.',
    };
  }
  return { level: 'ok', protection: `OS keychain (${backend})` };
}
