import { safeStorage } from 'electron';
import type { SecretBackend, SecretStore } from '../../vault/secret-store';

/**
 * safeStorage's async API (Electron 42+), which the docs recommend over the sync one: it does not
 * block on a keyring prompt, it reports key rotation (`shouldReEncrypt`), and it rejects instead
 * of returning garbage while the keyring is temporarily unavailable. Use after `app` is ready.
 */
export function createElectronSecretStore(
  platform: NodeJS.Platform = process.platform,
): SecretStore {
  return {
    backend: (): SecretBackend => {
      if (platform === 'darwin') return 'keychain';
      if (platform === 'win32') return 'dpapi';
      return safeStorage.getSelectedStorageBackend();
    },
    isAvailable: () => safeStorage.isAsyncEncryptionAvailable(),
    encrypt: (plainText) => safeStorage.encryptStringAsync(plainText),
    decrypt: async (cipherText) => {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(cipherText);
      return { plainText: result, shouldReEncrypt };
    },
    allowWeakEncryption: () => safeStorage.setUsePlainTextEncryption(true),
  };
}
