import { describe, expect, it } from 'vitest';
import type { SecretStore } from '../../../src/main/vault/secret-store';

const BACKENDS = [
  'keychain',
  'dpapi',
  'gnome_libsecret',
  'kwallet',
  'kwallet5',
  'kwallet6',
  'basic_text',
  'unknown',
];

/**
 * What the vault relies on from any SecretStore: run against the fake the tests use and against
 * the Electron implementation (over a stand-in safeStorage), so the two cannot drift apart.
 */
export function secretStoreContract(name: string, create: () => SecretStore): void {
  describe(`SecretStore contract: ${name}`, () => {
    it('names its backend with one of safeStorage’s names', () => {
      expect(BACKENDS).toContain(create().backend());
    });

    it('reports availability as a boolean', async () => {
      expect(typeof (await create().isAvailable())).toBe('boolean');
    });

    it('decrypts what it encrypted, and the ciphertext does not contain the plain text', async () => {
      const store = create();
      for (const plainText of ['eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJhIn0.c2ln', 'ünïcødé ✓']) {
        const cipherText = await store.encrypt(plainText);
        expect(cipherText.toString('utf8')).not.toContain(plainText);
        expect(cipherText.toString('latin1')).not.toContain(plainText);
        expect(await store.decrypt(cipherText)).toEqual({ plainText, shouldReEncrypt: false });
      }
    });

    it('rejects ciphertext it did not make', async () => {
      await expect(create().decrypt(Buffer.from('not ciphertext at all'))).rejects.toThrow();
    });
  });
}
