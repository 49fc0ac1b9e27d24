import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  TokenVault,
  VAULT_FILE,
  type TokenVaultOptions,
} from '../../../src/main/vault/token-vault';
import { FakeSecretStore } from '../../fakes/secret-store';
import { recordingLogger } from '../../support/test-logger';
import { manualSchedule } from './manual-schedule';

const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
const jwt = (claims: object, signature: string) =>
  `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}.${Buffer.from(signature).toString('base64url')}`;
const TOKEN = jwt({ iss: 'refresh-1', iat: 1_700_000_000, exp: 2_015_360_000 }, 'signature-one');
const OTHER = jwt({ iss: 'refresh-2', iat: 1_710_000_000, exp: 2_025_360_000 }, 'signature-two');

let dir: string;
let secrets: FakeSecretStore;
let allowWeak: boolean;
let timers: ReturnType<typeof manualSchedule>;
let logger: ReturnType<typeof recordingLogger>;
const vaults: TokenVault[] = [];

function vault(overrides: Partial<TokenVaultOptions> = {}) {
  const v = new TokenVault({
    dir,
    secrets,
    weakStorageAllowed: () => allowWeak,
    logger,
    clock: { now: () => Date.parse('2026-11-23T10:00:00Z') },
    schedule: timers.schedule,
    ...overrides,
  });
  vaults.push(v);
  return v;
}

async function savedVault(token = TOKEN) {
  const v = vault();
  await v.open();
  await v.save(token);
  return v;
}

const vaultPath = () => join(dir, VAULT_FILE);
const vaultFile = () => JSON.parse(readFileSync(vaultPath(), 'utf8'));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-vault-'));
  secrets = new FakeSecretStore('gnome_libsecret');
  allowWeak = false;
  timers = manualSchedule();
  logger = recordingLogger();
});
afterEach(async () => {
  await Promise.all(vaults.splice(0).map((v) => v.dispose()));
  rmSync(dir, { recursive: true, force: true });
});

describe('TokenVault: storing the token', () => {
  it('stores only ciphertext, with the backend and the date, in a file only its owner can read', async () => {
    const first = vault();
    expect(await first.open()).toBe('empty');
    expect(first.token()).toBeNull();
    await first.save(TOKEN);
    expect(readFileSync(vaultPath(), 'utf8')).not.toContain(TOKEN);
    expect(vaultFile()).toMatchObject({
      version: 1,
      current: { backend: 'gnome_libsecret', savedAt: '2026-11-23T10:00:00.000Z' },
      pending: null,
    });
    if (process.platform !== 'win32') expect(statSync(vaultPath()).mode & 0o777).toBe(0o600);

    const second = vault();
    expect(await second.open()).toBe('ready');
    expect(second.token()).toBe(TOKEN);
  });

  it('refuses an empty token and writes nothing', async () => {
    const v = vault();
    await v.open();
    for (const empty of ['', '   '])
      await expect(v.save(empty)).rejects.toMatchObject({ reason: 'empty_token' });
    expect(readdirSync(dir)).toEqual([]);
    expect(v.getState()).toBe('empty');
  });

  it('gives the renderer metadata only: dates from the token, its name, the protection', async () => {
    const v = await savedVault();
    await v.setName('HA Tray on laptop');
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
    const reopened = vault();
    await reopened.open();
    expect(reopened.metadata().name).toBe('HA Tray on laptop');
  });

  it('reports unknown dates for a token that is not a JWT', async () => {
    const v = await savedVault('not-a-jwt-but-saved');
    expect(v.metadata()).toMatchObject({ present: true, issuedAt: null, expiresAt: null });
  });

  it('tells listeners when the state changes, and survives a listener that throws', async () => {
    const v = vault();
    const states: string[] = [];
    v.onChange(() => {
      throw new Error('listener bug');
    });
    v.onChange(() => states.push(v.getState()));
    await v.open();
    await v.save(TOKEN);
    await v.clear();
    expect(states).toEqual(['empty', 'ready', 'empty']);
    expect(v.token()).toBeNull();
    expect(vaultFile()).toEqual({ version: 1, current: null, pending: null });
    expect(logger.lines).toContain('error A listener of the token vault failed listener bug');
  });
});

describe('TokenVault: Linux without a keyring (basic_text)', () => {
  beforeEach(() => {
    secrets = new FakeSecretStore('basic_text');
  });

  it('refuses to store the token and explains how to fix it', async () => {
    const v = vault();
    expect(await v.open()).toBe('weak_storage_refused');
    expect(v.metadata()).toMatchObject({ weakProtection: true, present: false });
    expect(v.metadata().message).toMatch(
      /gnome-keyring.*libsecret.*KDE Wallet.*allow weak storage/s,
    );
    await expect(v.save(TOKEN)).rejects.toMatchObject({ reason: 'weak_storage_refused' });
    expect(secrets.weakAllowed).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('stores it after the user explicitly allows weak storage, says it is weak, and remembers', async () => {
    const v = vault();
    await v.open();
    allowWeak = true;
    expect(await v.open()).toBe('empty');
    await v.save(TOKEN);
    expect(secrets.weakAllowed).toBe(true);
    expect(v.metadata()).toMatchObject({
      weakProtection: true,
      protection: expect.stringContaining('weak'),
    });

    secrets = new FakeSecretStore('basic_text');
    const afterRestart = vault();
    expect(await afterRestart.open()).toBe('ready');
    expect(afterRestart.token()).toBe(TOKEN);
  });

  it('withdrawing the opt-in stops the token being used, and keeps it on disk', async () => {
    allowWeak = true;
    await savedVault();
    const before = readFileSync(vaultPath(), 'utf8');
    allowWeak = false;
    secrets = new FakeSecretStore('basic_text');
    const v = vault();
    expect(await v.open()).toBe('weak_storage_refused');
    expect(v.token()).toBeNull();
    expect(readFileSync(vaultPath(), 'utf8')).toBe(before);
  });

  it('once a keyring is installed, reads the weakly stored token and encrypts it with the keyring', async () => {
    allowWeak = true;
    await savedVault();
    secrets = new FakeSecretStore('gnome_libsecret');
    const v = vault();
    expect(await v.open()).toBe('ready');
    expect(v.token()).toBe(TOKEN);
    expect(vaultFile().current).toMatchObject({
      backend: 'gnome_libsecret',
      savedAt: '2026-11-23T10:00:00.000Z',
    });
    expect(v.metadata().weakProtection).toBe(false);
  });
});

describe('TokenVault: a token it cannot read', () => {
  it('a changed backend: says so, asks again, keeps the old ciphertext until a new token is saved', async () => {
    await savedVault();
    const before = readFileSync(vaultPath(), 'utf8');

    secrets = new FakeSecretStore('kwallet6');
    const v = vault();
    expect(await v.open()).toBe('undecryptable');
    expect(v.token()).toBeNull();
    expect(v.metadata()).toMatchObject({ present: true, state: 'undecryptable' });
    expect(v.metadata().message).toMatch(/GNOME Keyring.*KDE Wallet.*Paste your token again/);
    expect(readFileSync(vaultPath(), 'utf8')).toBe(before);
    // No retry loop, and opening again does the same thing.
    expect(timers.waiting()).toBe(0);
    expect(await vault().open()).toBe('undecryptable');
    expect(readFileSync(vaultPath(), 'utf8')).toBe(before);

    await v.save(OTHER);
    expect(v.token()).toBe(OTHER);
    expect(vaultFile().current.backend).toBe('kwallet6');
    const afterRestart = vault();
    expect(await afterRestart.open()).toBe('ready');
    expect(afterRestart.token()).toBe(OTHER);
  });

  it('a keyring that was not found at start (now basic_text): asks to unlock it and restart, no retry loop', async () => {
    await savedVault();
    const before = readFileSync(vaultPath(), 'utf8');
    secrets = new FakeSecretStore('basic_text');
    const v = vault();
    expect(await v.open()).toBe('undecryptable');
    expect(v.metadata().message).toMatch(/GNOME Keyring.*unlock it and restart HA Tray/);
    expect(timers.waiting()).toBe(0);
    expect(readFileSync(vaultPath(), 'utf8')).toBe(before);
  });

  it('corrupt ciphertext (a reset keyring): undecryptable, old ciphertext kept', async () => {
    await savedVault();
    const before = readFileSync(vaultPath(), 'utf8');
    secrets.rotateKey();
    const v = vault();
    expect(await v.open()).toBe('undecryptable');
    expect(v.metadata().message).toMatch(/could not be decrypted.*Paste your token again/);
    expect(readFileSync(vaultPath(), 'utf8')).toBe(before);
  });

  it.each([
    ['not JSON', '{ "version": 1, "curr'],
    ['the wrong shape', JSON.stringify({ version: 1, current: { ciphertext: 42 } })],
    ['a version that never was', JSON.stringify({ version: 0, current: null, pending: null })],
    ['no version', JSON.stringify({ current: null, pending: null })],
  ])(
    'a damaged file (%s): undecryptable, never a crash, kept until a token is saved',
    async (_, text) => {
      writeFileSync(vaultPath(), text);
      const v = vault();
      expect(await v.open()).toBe('undecryptable');
      expect(v.metadata().message).toMatch(/damaged/);
      await v.discardPending();
      await v.setName('x');
      expect(readFileSync(vaultPath(), 'utf8')).toBe(text);
      await v.save(TOKEN);
      expect(await vault().open()).toBe('ready');
    },
  );

  it('a file from a newer HA Tray: says so, and never writes over it or removes it', async () => {
    const text = JSON.stringify({ version: 2, tokens: [{ ciphertext: 'djEx' }] }, null, 2);
    writeFileSync(vaultPath(), text);
    const v = vault();
    expect(await v.open()).toBe('undecryptable');
    expect(v.token()).toBeNull();
    expect(v.metadata().message).toMatch(/saved by a newer version of HA Tray.*update HA Tray/);
    for (const attempt of [() => v.save(TOKEN), () => v.clear()])
      await expect(attempt()).rejects.toMatchObject({
        name: 'UserFacingError',
        reason: 'newer_file',
        message: expect.stringMatching(/newer version of HA Tray/),
      });
    await v.discardPending();
    await v.dispose();
    expect(readFileSync(vaultPath(), 'utf8')).toBe(text);
    expect(readdirSync(dir)).toEqual([VAULT_FILE]);
    expect(logger.lines.join('\n')).toMatch(/token vault file was saved by a newer version/);
  });

  it('a decryption that returns an empty string is a failure, never an empty token', async () => {
    await savedVault();
    vi.spyOn(secrets, 'decrypt').mockResolvedValue({ plainText: '', shouldReEncrypt: false });
    const v = vault();
    expect(await v.open()).toBe('undecryptable');
    expect(v.token()).toBeNull();
  });

  it('a rotated key that still decrypts: the token is encrypted again with the new key', async () => {
    await savedVault();
    const before = vaultFile().current.ciphertext;
    secrets.rotateKey({ keepOld: true });
    expect(await vault().open()).toBe('ready');
    expect(vaultFile().current.ciphertext).not.toBe(before);
    expect(vaultFile().current.savedAt).toBe('2026-11-23T10:00:00.000Z');
    secrets = new FakeSecretStore('gnome_libsecret');
    secrets.rotateKey();
    const withNewKeyOnly = vault();
    expect(await withNewKeyOnly.open()).toBe('ready');
    expect(withNewKeyOnly.token()).toBe(TOKEN);
  });
});

describe('TokenVault: a keyring that is locked or not available yet', () => {
  it('waits and retries with backoff, reports locked meanwhile, never hands out a token', async () => {
    await savedVault();
    secrets.locked = true;
    const v = vault({ retryDelays: { firstMs: 1000, maxMs: 4000 } });
    const states: string[] = [];
    v.onChange(() => states.push(v.getState()));
    expect(await v.open()).toBe('locked');
    expect(v.token()).toBeNull();
    expect(v.metadata()).toMatchObject({ state: 'locked', present: true });
    expect(v.metadata().message).toMatch(/keyring to be unlocked/);

    for (let i = 0; i < 4; i++) await timers.fire();
    expect(timers.delays()).toEqual([1000, 2000, 4000, 4000, 4000]);
    expect(v.token()).toBeNull();

    secrets.locked = false;
    await timers.fire();
    expect(v.getState()).toBe('ready');
    expect(v.token()).toBe(TOKEN);
    expect(states.at(-1)).toBe('ready');
    expect(timers.waiting()).toBe(0);
  });

  it('a keyring that is available only after a while', async () => {
    await savedVault();
    secrets.unavailableFor(2);
    const v = vault();
    expect(await v.open()).toBe('locked');
    await timers.fire();
    expect(v.getState()).toBe('locked');
    await timers.fire();
    expect(v.token()).toBe(TOKEN);
  });

  it('an availability check that throws (app not ready yet) counts as locked', async () => {
    await savedVault();
    secrets.availabilityFails = true;
    const v = vault();
    expect(await v.open()).toBe('locked');
    secrets.availabilityFails = false;
    await timers.fire();
    expect(v.getState()).toBe('ready');
  });

  it('a keyring that locks during decryption is waited for, not reported as a changed key', async () => {
    await savedVault();
    vi.spyOn(secrets, 'decrypt').mockImplementationOnce(async () => {
      secrets.locked = true;
      throw new Error('Decryption is not available.');
    });
    const v = vault();
    expect(await v.open()).toBe('locked');
    secrets.locked = false;
    await timers.fire();
    expect(v.token()).toBe(TOKEN);
  });

  it('refuses to save while the keyring is locked', async () => {
    const v = vault();
    await v.open();
    secrets.locked = true;
    await expect(v.save(TOKEN)).rejects.toMatchObject({ reason: 'locked' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a token saved while waiting for the keyring stops the retries', async () => {
    await savedVault();
    secrets.locked = true;
    const v = vault();
    await v.open();
    secrets.locked = false;
    await v.save(OTHER);
    expect(timers.waiting()).toBe(0);
    expect(v.token()).toBe(OTHER);
  });
});

describe('TokenVault: the pending slot of a rotation', () => {
  it('stores a pending token encrypted next to the current one, and promotes it atomically', async () => {
    const v = await savedVault();
    await v.savePending(OTHER, 'HA Tray 2026-11');
    expect(v.token()).toBe(TOKEN);
    expect(v.pendingToken()).toBe(OTHER);
    const pendingCiphertext = vaultFile().pending.ciphertext;
    expect(readFileSync(vaultPath(), 'utf8')).not.toContain(OTHER);

    const reopened = vault();
    await reopened.open();
    expect(reopened.pendingToken()).toBe(OTHER);
    await reopened.promotePending();
    expect(reopened.token()).toBe(OTHER);
    expect(reopened.pendingToken()).toBeNull();
    expect(vaultFile()).toMatchObject({
      current: { ciphertext: pendingCiphertext, name: 'HA Tray 2026-11' },
      pending: null,
    });

    const after = vault();
    await after.open();
    expect(after.token()).toBe(OTHER);
    expect(after.metadata().name).toBe('HA Tray 2026-11');
  });

  it('keeps a first sign-in’s session with no current token, encrypted, across a restart', async () => {
    const v = vault();
    expect(await v.open()).toBe('empty');
    await v.savePending(OTHER);
    expect(v.pendingToken()).toBe(OTHER);
    expect(v.token()).toBeNull();
    expect(readFileSync(vaultPath(), 'utf8')).not.toContain(OTHER);

    const reopened = vault();
    expect(await reopened.open()).toBe('empty');
    expect(reopened.pendingToken()).toBe(OTHER);
    await reopened.discardPending();
    expect(reopened.pendingToken()).toBeNull();
    expect(vaultFile().pending).toBeNull();
  });

  it('discards a pending token, and refuses to promote when there is none', async () => {
    const v = await savedVault();
    await v.savePending(OTHER);
    await v.discardPending();
    expect(v.pendingToken()).toBeNull();
    expect(vaultFile().pending).toBeNull();
    await expect(v.promotePending()).rejects.toMatchObject({ reason: 'no_pending_token' });
    expect(v.token()).toBe(TOKEN);
  });

  it('stores a pending token only while the current one is readable', async () => {
    await savedVault();
    secrets.rotateKey();
    const v = vault();
    await v.open();
    const before = readFileSync(vaultPath(), 'utf8');
    await expect(v.savePending(OTHER)).rejects.toMatchObject({ reason: 'not_ready' });
    expect(readFileSync(vaultPath(), 'utf8')).toBe(before);
  });

  it('runs operations in call order: a pending token saved right after a save lands next to it', async () => {
    const v = vault();
    await v.open();
    const saving = v.save(TOKEN);
    const pending = v.savePending(OTHER);
    await Promise.all([saving, pending]);
    expect(v.token()).toBe(TOKEN);
    expect(v.pendingToken()).toBe(OTHER);
  });

  it('a pending token that cannot be decrypted is not offered, and the current one still works', async () => {
    const v = await savedVault();
    await v.savePending(OTHER);
    const file = vaultFile();
    file.pending.ciphertext = Buffer.from('garbage').toString('base64');
    writeFileSync(vaultPath(), JSON.stringify(file));
    const reopened = vault();
    expect(await reopened.open()).toBe('ready');
    expect(reopened.pendingToken()).toBeNull();
    expect(reopened.token()).toBe(TOKEN);
  });
});
