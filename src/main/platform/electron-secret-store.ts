import { safeStorage } from 'electron';
import type { SecretStore } from './secret-store';

/** safeStorage's async API (Electron 42+), which the docs recommend over the sync one. */
export function createElectronSecretStore(): SecretStore {
  return {
    backend: () => {
      if (process.platform === 'darwin') return 'keychain';
      if (process.platform === 'win32') return 'dpapi';
      return safeStorage.getSelectedStorageBackend();
    },
    isAvailable: () => safeStorage.isAsyncEncryptionAvailable(),
    encrypt: (plainText) => safeStorage.encryptStringAsync(plainText),
    decrypt: async (cipherText) => (await safeStorage.decryptStringAsync(cipherText)).result,
    allowWeakEncryption: () => safeStorage.setUsePlainTextEncryption(true),
  };
}
