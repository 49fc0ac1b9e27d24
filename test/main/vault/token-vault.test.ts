import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../src/main/vault/atomic-file';
import {
  TokenVault,
  VAULT_FILE,
  type TokenVaultOptions,
} from '../../../src/main/vault/token-vault';
import { FakeSecretStore } from '../../fakes/secret-store';
import { recordingLogger } from '../../support/test-logger';
import { waitFor } from '../../support/wait-for';

const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
const TOKEN = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ iss: 'refresh-1', iat: 1_700_000_000, exp: 2_015_360_000 })}.c2lnbmF0dXJlLXNpZ25hdHVyZQ`;
const OTHER = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ iss: 'refresh-2', iat: 1_710_000_000, exp: 2_025_360_000 })}.b3RoZXItc2lnbmF0dXJl`;

let dir: string;
let secrets: FakeSecretStore;
let allowWeak: boolean;
const logger = recordingLogger();
const vaults: TokenVault[] = [];

function vault(overrides: Partial<TokenVaultOptions> = {}) {
  const v = new TokenVault({
    dir,
    secrets,
    weakStorageAllowed: () => allowWeak,
    logger,
    now: () => new Date('2026-11-23T10:00:00Z'),
    retryDelays: { firstMs: 5, maxMs: 20 },
    ...overrides,
  });
  vaults.push(v);
  return v;
}

/** Every byte HA Tray wrote into its folder, for "never in plain text" checks. */
const everythingOnDisk = () =>
  readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-vault-'));
  secrets = new FakeSecretStore('gnome_libsecret');
  allowWeak = false;
});
afterEach(() => {
  vaults.splice(0).forEach((v) => v.dispose());
  rmSync(dir, { recursive: true, force: true });
});

describe('TokenVault', () => {
  it('stores only ciphertext, with the backend and the date, and reads it back after a restart', async () => {
    const first = vault();
    expect(await first.open()).toBe('empty');
    await first.save(TOKEN);
    expect(everythingOnDisk()).not.toContain(TOKEN);
    const file = JSON.parse(readFileSync(join(dir, VAULT_FILE), 'utf8'));
    expect(file.current).toMatchObject({
      backend: 'gnome_libsecret',
      savedAt: '2026-11-23T10:00:00.000Z',
    });

    const second = vault();
    expect(await second.open()).toBe('ready');
    expect(second.token()).toBe(TOKEN);
  });

  it('gives the renderer metadata only: dates from the token, protection, never the token', async () => {
    const v = vault();
    await v.open();
    await v.save(TOKEN, 'HA Tray on laptop');
    const metadata = v.metadata();
    expect(metadata).toEqual({
      present: true,
      state: 'ready',
      protection: 'GNOME Keyring (libsecret)',
      weakProtection: false,
      savedAt: '2026-11-23T10:00:00.000Z',
      issuedAt: '2023-11-14T22:13:20.000Z',
      expiresAt: '2033-11-11T22:13:20.000Z',
      name: 'HA Tray on laptop',
      message: null,
    });
    expect(JSON.stringify(metadata)).not.toContain(TOKEN);
  });

  it('reports unknown dates for a token that is not a JWT', async () => {
    const v = vault();
    await v.open();
    await v.save('not-a-jwt-but-saved');
    expect(v.metadata()).toMatchObject({ issuedAt: null, expiresAt: null, present: true });
  });

  describe('Linux without a keyring (basic_text)', () => {
    beforeEach(() => {
      secrets = new FakeSecretStore('basic_text');
    });

    it('refuses to store the token and explains how to fix it', async () => {
      const v = vault();
      expect(await v.open()).toBe('weak_storage_refused');
      expect(v.metadata().message).toMatch(/GNOME Keyring or KDE Wallet/);
      await expect(v.save(TOKEN)).rejects.toMatchObject({ reason: 'weak_storage_refused' });
      expect(existsSync(join(dir, VAULT_FILE))).toBe(false);
    });

    it('stores it after the user explicitly allows weak storage, and says it is weak', async () => {
      allowWeak = true;
      const v = vault();
      await v.open();
      await v.save(TOKEN);
      expect(secrets.weakAllowed).toBe(true);
      expect(v.metadata()).toMatchObject({
        weakProtection: true,
        protection: expect.stringContaining('weak'),
      });
      const again = vault();
      expect(await again.open()).toBe('ready');
      expect(again.token()).toBe(TOKEN);
    });
  });

  it('a changed backend: says so, asks again, keeps the old ciphertext until a new token is saved', async () => {
    const first = vault();
    await first.open();
    await first.save(TOKEN);
    const before = readFileSync(join(dir, VAULT_FILE), 'utf8');

    secrets = new FakeSecretStore('kwallet6');
    const v = vault();
    expect(await v.open()).toBe('undecryptable');
    expect(v.token()).toBeNull();
    expect(v.metadata().message).toMatch(/GNOME Keyring.*KDE Wallet.*Paste your token again/);
    expect(readFileSync(join(dir, VAULT_FILE), 'utf8')).toBe(before);
    // Opening again does the same thing: no crash, no loop, no change.
    expect(await vault().open()).toBe('undecryptable');

    await v.save(OTHER);
    expect(v.getState()).toBe('ready');
    expect(readdirSync(dir).some((f) => f.startsWith(`${VAULT_FILE}.unreadable-`))).toBe(true);
    expect(await vault().open()).toBe('ready');
  });

  it('corrupt ciphertext or a damaged file: undecryptable, never a crash', async () => {
    const first = vault();
    await first.open();
    await first.save(TOKEN);
    secrets.rotateKey();
    expect(await vault().open()).toBe('undecryptable');
    writeFileSync(join(dir, VAULT_FILE), '{ not json');
    const damaged = vault();
    expect(await damaged.open()).toBe('undecryptable');
    expect(damaged.metadata().message).toMatch(/damaged/);
  });

  it('a locked keyring at start: waits and retries, never hands out an empty token', async () => {
    const first = vault();
    await first.open();
    await first.save(TOKEN);
    secrets.locked = true;
    const v = vault();
    expect(await v.open()).toBe('locked');
    expect(v.token()).toBeNull();
    const states: string[] = [];
    v.onChange(() => states.push(v.getState()));
    secrets.locked = false;
    await waitFor(() => v.getState() === 'ready', 'unlocked');
    expect(v.token()).toBe(TOKEN);
    expect(states.at(-1)).toBe('ready');
  });

  it('refuses to save while the keyring is locked', async () => {
    const v = vault();
    await v.open();
    secrets.locked = true;
    await expect(v.save(TOKEN)).rejects.toMatchObject({ reason: 'locked' });
  });

  it('keeps a pending token for rotation, promotes it atomically, or discards it', async () => {
    const v = vault();
    await v.open();
    await v.save(TOKEN);
    await v.savePending(OTHER);
    expect(v.token()).toBe(TOKEN);
    expect(everythingOnDisk()).not.toContain(OTHER);
    const reopened = vault();
    await reopened.open();
    expect(reopened.pendingToken()).toBe(OTHER);
    reopened.promotePending();
    expect(reopened.token()).toBe(OTHER);
    const after = vault();
    await after.open();
    expect(after.token()).toBe(OTHER);
    expect(after.pendingToken()).toBeNull();
    await after.savePending(TOKEN);
    after.discardPending();
    expect(after.pendingToken()).toBeNull();
    expect(() => after.promotePending()).toThrow();
  });

  it('a crash between writing and renaming leaves the old token readable', async () => {
    const v = vault();
    await v.open();
    await v.save(TOKEN);
    // What a crash after the write and before the rename leaves: a stray temporary file.
    writeFileSync(join(dir, `.${VAULT_FILE}.999.1.tmp`), '{"version":1,"current":{"half":');
    const after = vault();
    expect(await after.open()).toBe('ready');
    expect(after.token()).toBe(TOKEN);
  });

  it('a failed write changes nothing and leaves no temporary file', async () => {
    const target = join(dir, 'occupied');
    mkdirSync(target);
    writeFileSync(join(target, 'keep'), 'x');
    expect(() => writeFileAtomic(target, 'new')).toThrow();
    expect(readdirSync(dir)).toEqual(['occupied']);
  });

  it('never puts the token in a log line or an error message', async () => {
    const v = vault();
    await v.open();
    await v.save(TOKEN);
    secrets.locked = true;
    const error = await v.save(TOKEN).catch((e: Error) => e);
    expect(String(error)).not.toContain(TOKEN);
    expect(logger.lines.join('\n')).not.toContain(TOKEN);
  });
});
