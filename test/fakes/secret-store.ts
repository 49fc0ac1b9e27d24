import type { SecretStore } from '../../src/main/platform/secret-store';

/**
 * A SecretStore with the failure modes of the real ones: a chosen backend, a keyring that is
 * locked until unlocked, basic_text that refuses until weak storage is allowed, and ciphertext
 * that only the same backend (and key) can decrypt.
 */
export class FakeSecretStore implements SecretStore {
  locked = false;
  weakAllowed = false;
  encryptCalls = 0;
  private key = 'k1';

  constructor(public backendName = 'gnome_libsecret') {}

  backend(): string {
    return this.backendName;
  }

  async isAvailable(): Promise<boolean> {
    if (this.locked) return false;
    return this.backendName !== 'basic_text' || this.weakAllowed;
  }

  allowWeakEncryption(): void {
    this.weakAllowed = true;
  }

  /** A new key, as after a desktop change or a reset keyring: old ciphertext stops decrypting. */
  rotateKey(): void {
    this.key = `${this.key}x`;
  }

  async encrypt(plainText: string): Promise<Buffer> {
    if (!(await this.isAvailable())) throw new Error('Encryption is not available');
    this.encryptCalls++;
    // Not real encryption; enough that the plain text never appears in the output.
    const body = Buffer.from(plainText, 'utf8').map((b, i) => b ^ (0x5a + i) % 256);
    return Buffer.concat([Buffer.from(`${this.backendName}:${this.key}:`), Buffer.from(body)]);
  }

  async decrypt(cipherText: Buffer): Promise<string> {
    if (!(await this.isAvailable())) throw new Error('Decryption is not available');
    const prefix = Buffer.from(`${this.backendName}:${this.key}:`);
    if (!cipherText.subarray(0, prefix.length).equals(prefix)) throw new Error('Error while decrypting the ciphertext provided');
    return Buffer.from(cipherText.subarray(prefix.length).map((b, i) => b ^ (0x5a + i) % 256)).toString('utf8');
  }
}
