/**
 * What Electron's safeStorage reports as its backend: the Linux names come from
 * `getSelectedStorageBackend()` ('unknown' before the app is ready); macOS and Windows have one
 * backend each, named here so that every saved token says what encrypted it.
 */
export type SecretBackend =
  | 'keychain'
  | 'dpapi'
  | 'gnome_libsecret'
  | 'kwallet'
  | 'kwallet5'
  | 'kwallet6'
  | 'basic_text'
  | 'unknown';

export interface Decrypted {
  plainText: string;
  /** The key was rotated or a stronger one is available: encrypt the plain text again and store that. */
  shouldReEncrypt: boolean;
}

/**
 * The operating system's secret encryption (Electron safeStorage): Keychain on macOS, DPAPI on
 * Windows, libsecret or KWallet on Linux, or "basic_text" there, which protects nothing.
 * Everything a keyring can refuse is asynchronous, as in safeStorage's async API.
 */
export interface SecretStore {
  backend(): SecretBackend;
  /** False while the keyring is locked or not yet available (common right after login). */
  isAvailable(): Promise<boolean>;
  /** Rejects when encryption is not available. */
  encrypt(plainText: string): Promise<Buffer>;
  /** Rejects for ciphertext that this backend and key cannot decrypt, and while the keyring is locked. */
  decrypt(cipherText: Buffer): Promise<Decrypted>;
  /**
   * Linux without a keyring: let basic_text encrypt with its built-in key (safeStorage's
   * `setUsePlainTextEncryption(true)`). Only after the user agreed to weak storage.
   */
  allowWeakEncryption(): void;
}

/** A backend that offers no protection: the key is hard-coded in Chromium. */
export function isWeakBackend(backend: string): boolean {
  return backend === 'basic_text';
}

/** How the settings page names the protection in use. */
export function describeBackend(backend: string): string {
  switch (backend) {
    case 'keychain':
      return 'macOS Keychain';
    case 'dpapi':
      return 'Windows Data Protection';
    case 'gnome_libsecret':
      return 'GNOME Keyring (libsecret)';
    case 'kwallet':
    case 'kwallet5':
    case 'kwallet6':
      return 'KDE Wallet';
    case 'basic_text':
      return 'no keyring (weak: the key is built into the app)';
    default:
      return 'an unknown keyring';
  }
}
