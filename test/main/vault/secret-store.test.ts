import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createElectronSecretStore } from '../../../src/main/adapters/electron/electron-secret-store';
import { describeBackend, isWeakBackend } from '../../../src/main/vault/secret-store';
import { FakeSecretStore } from '../../fakes/secret-store';
import { secretStoreContract } from './secret-store-contract';

/** A stand-in for safeStorage's async API: only what the adapter calls, shaped as electron.d.ts says. */
const safeStorage = vi.hoisted(() => {
  const prefix = Buffer.from('v11');
  const flip = (bytes: Buffer) => Buffer.from(bytes.map((b) => b ^ 0xff));
  return {
    getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret' as const),
    isAsyncEncryptionAvailable: vi.fn(async () => true),
    encryptStringAsync: vi.fn(async (plainText: string) =>
      Buffer.concat([prefix, flip(Buffer.from(plainText, 'utf8'))]),
    ),
    decryptStringAsync: vi.fn(async (encrypted: Buffer) => {
      if (!encrypted.subarray(0, 3).equals(prefix)) throw new Error('Error while decrypting');
      return { result: flip(encrypted.subarray(3)).toString('utf8'), shouldReEncrypt: false };
    }),
    setUsePlainTextEncryption: vi.fn(),
  };
});
vi.mock('electron', () => ({ safeStorage, default: { safeStorage } }));

secretStoreContract('FakeSecretStore', () => new FakeSecretStore('gnome_libsecret'));
secretStoreContract('Electron safeStorage', () => createElectronSecretStore('linux'));

describe('createElectronSecretStore', () => {
  beforeEach(() => vi.clearAllMocks());

  it('names the one backend of macOS and Windows, and asks safeStorage on Linux', () => {
    expect(createElectronSecretStore('darwin').backend()).toBe('keychain');
    expect(createElectronSecretStore('win32').backend()).toBe('dpapi');
    safeStorage.getSelectedStorageBackend.mockReturnValueOnce('kwallet6' as never);
    expect(createElectronSecretStore('linux').backend()).toBe('kwallet6');
  });

  it('passes on the advice to encrypt again after a key rotation', async () => {
    safeStorage.decryptStringAsync.mockResolvedValueOnce({ result: 'x', shouldReEncrypt: true });
    expect(await createElectronSecretStore('linux').decrypt(Buffer.from('v11'))).toEqual({
      plainText: 'x',
      shouldReEncrypt: true,
    });
  });

  it('uses the async API throughout, and allows weak encryption only when asked', async () => {
    const store = createElectronSecretStore('linux');
    safeStorage.isAsyncEncryptionAvailable.mockResolvedValueOnce(false);
    expect(await store.isAvailable()).toBe(false);
    expect(safeStorage.setUsePlainTextEncryption).not.toHaveBeenCalled();
    store.allowWeakEncryption();
    expect(safeStorage.setUsePlainTextEncryption).toHaveBeenCalledWith(true);
  });
});

describe('backend names', () => {
  it('only basic_text is weak', () => {
    expect(isWeakBackend('basic_text')).toBe(true);
    for (const name of ['keychain', 'dpapi', 'gnome_libsecret', 'kwallet6', 'unknown'])
      expect(isWeakBackend(name)).toBe(false);
  });

  it('describes each backend in words', () => {
    expect(describeBackend('kwallet5')).toBe('KDE Wallet');
    expect(describeBackend('basic_text')).toMatch(/weak/);
    expect(describeBackend('something new')).toBe('an unknown keyring');
  });
});
