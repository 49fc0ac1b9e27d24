import type { Decrypted, SecretBackend, SecretStore } from '../../src/main/vault/secret-store';

/**
 * A SecretStore with the failure modes of the real ones, recording every call (never its
 * arguments, which may be a token):
 * - `basic_text` refuses until weak storage is allowed, as safeStorage does without
 *   `setUsePlainTextEncryption(true)`; its ciphertext uses a built-in key, so like Chromium's "v10"
 *   data any backend can decrypt it;
 * - a keyring that is `locked`, or not yet available for a while (`unavailableFor`),
 *   or whose availability check itself fails (`availabilityFails`, as before the app is ready);
 * - keyring ciphertext that only the same backend and key decrypt: `backendName` can change
 *   (a desktop change) and `rotateKey()` makes a new key (a reset keyring), or with `keepOld`
 *   a rotated key that still decrypts old ciphertext and advises encrypting it again;
 * - `encryptFailure`: encryption fails with that error.
 */
export class FakeSecretStore implements SecretStore {
  locked = false;
  weakAllowed = false;
  availabilityFails = false;
  encryptFailure: Error | null = null;
  readonly calls: string[] = [];
  private unavailableChecks = 0;
  private key = 1;
  private readonly oldKeys: number[] = [];

  constructor(public backendName: SecretBackend = 'gnome_libsecret') {}

  /** The keyring refuses the next `operations` (checks, encryptions, decryptions), then works. */
  unavailableFor(operations: number): void {
    this.unavailableChecks = operations;
  }

  /** A new key: old ciphertext stops decrypting (a reset keyring) or, with `keepOld`, decrypts with advice to encrypt it again. */
  rotateKey({ keepOld = false } = {}): void {
    if (keepOld) this.oldKeys.push(this.key);
    this.key++;
  }

  backend(): SecretBackend {
    this.calls.push('backend');
    return this.backendName;
  }

  async isAvailable(): Promise<boolean> {
    this.calls.push('isAvailable');
    return this.available();
  }

  allowWeakEncryption(): void {
    this.calls.push('allowWeakEncryption');
    this.weakAllowed = true;
  }

  async encrypt(plainText: string): Promise<Buffer> {
    this.calls.push('encrypt');
    if (this.encryptFailure) throw this.encryptFailure;
    if (!this.available()) throw new Error('Encryption is not available.');
    return Buffer.concat([Buffer.from(this.prefix()), scramble(Buffer.from(plainText, 'utf8'))]);
  }

  async decrypt(cipherText: Buffer): Promise<Decrypted> {
    this.calls.push('decrypt');
    if (!this.available()) throw new Error('Decryption is not available.');
    const readable = [
      { prefix: this.prefix(), shouldReEncrypt: false },
      { prefix: BUILT_IN_KEY_PREFIX, shouldReEncrypt: false },
      ...this.oldKeys.map((key) => ({ prefix: this.prefix(key), shouldReEncrypt: true })),
    ];
    for (const { prefix, shouldReEncrypt } of readable) {
      const bytes = Buffer.from(prefix);
      if (cipherText.subarray(0, bytes.length).equals(bytes))
        return {
          plainText: scramble(cipherText.subarray(bytes.length)).toString('utf8'),
          shouldReEncrypt,
        };
    }
    throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
  }

  private available(): boolean {
    if (this.availabilityFails)
      throw new Error('safeStorage cannot be used before the app is ready.');
    if (this.unavailableChecks > 0) {
      this.unavailableChecks--;
      return false;
    }
    if (this.locked) return false;
    return this.backendName !== 'basic_text' || this.weakAllowed;
  }

  private prefix(key = this.key): string {
    return this.backendName === 'basic_text'
      ? BUILT_IN_KEY_PREFIX
      : `v11:${this.backendName}:${key}:`;
  }
}

const BUILT_IN_KEY_PREFIX = 'v10:';

/** Not encryption; enough that the plain text never appears in the output. Its own inverse. */
function scramble(bytes: Buffer): Buffer {
  return Buffer.from(bytes.map((b, i) => b ^ ((0x5a + i) % 256)));
}
