/**
 * The operating system's secret encryption (Electron safeStorage): Keychain on macOS, DPAPI on
 * Windows, libsecret or KWallet on Linux, or "basic_text" there, which protects nothing.
 */
export interface SecretStore {
  /** 'keychain', 'dpapi', 'gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6', 'basic_text' or 'unknown'. */
  backend(): string;
  /** False while the keyring is locked or not yet available (common right after login). */
  isAvailable(): Promise<boolean>;
  encrypt(plainText: string): Promise<Buffer>;
  decrypt(cipherText: Buffer): Promise<string>;
  /** Linux without a keyring: let basic_text encrypt (only after the user agreed to weak storage). */
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
      return 'unknown';
  }
}
