import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TokenMetadata, VaultState } from '../../shared/token-metadata';
import { UserFacingError } from '../../shared/user-facing-error';
import type { Logger } from '../log/logger';
import type { SecretStore } from '../platform/secret-store';
import { describeBackend, isWeakBackend } from '../platform/secret-store';
import { tokenDates } from './token-dates';
import type { SealedToken, VaultContents } from './vault-file';
import { EMPTY_VAULT, readVaultFile, writeVaultFile } from './vault-file';

export interface TokenVaultOptions {
  /** The user-data folder; the vault is one file in it. */
  dir: string;
  secrets: SecretStore;
  /** The user agreed to weak (basic_text) storage: remembered in the settings. */
  weakStorageAllowed: () => boolean;
  logger: Logger;
  now?: () => Date;
  /** Waits between checks of a locked keyring: 1 s doubling up to 30 s by default. */
  retryDelays?: { firstMs: number; maxMs: number };
}

export const VAULT_FILE = 'token-vault.json';

const WEAK_REFUSED =
  'This computer has no keyring for HA Tray to protect the token with. Install and unlock one ' +
  '(GNOME Keyring or KDE Wallet; on other desktops start HA Tray with --password-store=gnome-libsecret), ' +
  'or explicitly allow weak storage in the Connection settings.';

/**
 * The Home Assistant token, encrypted by the operating system and kept only as ciphertext on
 * disk. Main-process only: the renderer sees `metadata()`, never the token. Opening never throws
 * and never crash-loops: a locked keyring is retried, a changed keyring or damaged file is
 * reported, and the old ciphertext stays until a new token is saved.
 */
export class TokenVault {
  private contents: VaultContents = EMPTY_VAULT;
  private current: string | null = null;
  private pending: string | null = null;
  private state: VaultState = 'empty';
  private message: string | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelay: number;
  private readonly listeners = new Set<() => void>();
  private readonly path: string;
  private readonly now: () => Date;

  constructor(private readonly options: TokenVaultOptions) {
    this.path = join(options.dir, VAULT_FILE);
    this.now = options.now ?? (() => new Date());
    this.retryDelay = options.retryDelays?.firstMs ?? 1000;
  }

  /** Reads and decrypts the stored token. Call once after the app is ready. */
  async open(): Promise<VaultState> {
    const read = readVaultFile(this.path);
    if (!read.ok) {
      this.options.logger.warn('The token vault file is damaged; asking for the token again');
      return this.setState(
        'undecryptable',
        'The saved token could not be read (the file is damaged). Paste your token again.',
      );
    }
    this.contents = read.contents;
    if (!this.contents.current)
      return this.setState(
        this.refusesWeakStorage() ? 'weak_storage_refused' : 'empty',
        this.refusesWeakStorage() ? WEAK_REFUSED : null,
      );
    return this.unseal();
  }

  getState(): VaultState {
    return this.state;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The current token, for the main process only; null unless the vault is ready. */
  token(): string | null {
    return this.state === 'ready' ? this.current : null;
  }

  pendingToken(): string | null {
    return this.pending;
  }

  /** Encrypts and stores a token as the current one, replacing whatever was there. */
  async save(token: string, name: string | null = null): Promise<void> {
    const sealed = await this.seal(token, name);
    this.keepDamagedCopy();
    this.write({ ...this.contents, current: sealed });
    this.current = token;
    this.setState('ready', null);
  }

  /** Step 2 of a rotation: the new token is stored encrypted, not yet in use. */
  async savePending(token: string, name: string | null = null): Promise<void> {
    const sealed = await this.seal(token, name);
    this.write({ ...this.contents, pending: sealed });
    this.pending = token;
  }

  /** Step 4 of a rotation: the pending token becomes current in one atomic write. */
  promotePending(): void {
    if (!this.contents.pending || this.pending === null)
      throw new Error('No pending token to promote');
    this.write({ ...this.contents, current: this.contents.pending, pending: null });
    this.current = this.pending;
    this.pending = null;
    this.setState('ready', null);
  }

  discardPending(): void {
    if (!this.contents.pending) return;
    this.write({ ...this.contents, pending: null });
    this.pending = null;
  }

  setName(name: string | null): void {
    if (!this.contents.current || this.contents.current.name === name) return;
    this.write({ ...this.contents, current: { ...this.contents.current, name } });
    this.emit();
  }

  /** Removes the token (the user disconnects HA Tray from Home Assistant). */
  clear(): void {
    this.write(EMPTY_VAULT);
    this.current = null;
    this.pending = null;
    this.setState('empty', null);
  }

  metadata(): TokenMetadata {
    const backend = this.options.secrets.backend();
    const dates = this.current ? tokenDates(this.current) : null;
    return {
      present: this.contents.current !== null,
      state: this.state,
      protection: describeBackend(this.contents.current?.backend ?? backend),
      weakProtection: isWeakBackend(this.contents.current?.backend ?? backend),
      savedAt: this.contents.current?.savedAt ?? null,
      issuedAt: dates?.issuedAt?.toISOString() ?? null,
      expiresAt: dates?.expiresAt?.toISOString() ?? null,
      name: this.contents.current?.name ?? null,
      message: this.message,
    };
  }

  dispose(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.listeners.clear();
  }

  // ---------------------------------------------------------------------------------------------

  private refusesWeakStorage(): boolean {
    return isWeakBackend(this.options.secrets.backend()) && !this.options.weakStorageAllowed();
  }

  private async seal(token: string, name: string | null): Promise<SealedToken> {
    const { secrets } = this.options;
    if (this.refusesWeakStorage()) throw new UserFacingError(WEAK_REFUSED, 'weak_storage_refused');
    if (isWeakBackend(secrets.backend())) secrets.allowWeakEncryption();
    if (!(await secrets.isAvailable())) {
      throw new UserFacingError(
        'The keyring is locked. Unlock it (for example by logging in again) and save again.',
        'locked',
      );
    }
    const ciphertext = await secrets.encrypt(token);
    return {
      backend: secrets.backend(),
      ciphertext: ciphertext.toString('base64'),
      savedAt: this.now().toISOString(),
      name,
    };
  }

  private async unseal(): Promise<VaultState> {
    const { secrets, logger } = this.options;
    const sealed = this.contents.current!;
    if (isWeakBackend(sealed.backend) && isWeakBackend(secrets.backend())) {
      if (!this.options.weakStorageAllowed())
        return this.setState('weak_storage_refused', WEAK_REFUSED);
      secrets.allowWeakEncryption();
    }
    if (!(await secrets.isAvailable())) {
      this.scheduleRetry();
      return this.setState('locked', 'Waiting for the keyring to be unlocked…');
    }
    try {
      this.current = await secrets.decrypt(Buffer.from(sealed.ciphertext, 'base64'));
      this.pending = this.contents.pending ? await this.tryDecrypt(this.contents.pending) : null;
      return this.setState('ready', null);
    } catch {
      const changed = sealed.backend !== secrets.backend();
      logger.warn(
        changed
          ? `The keyring changed from ${sealed.backend} to ${secrets.backend()}`
          : 'The saved token could not be decrypted',
      );
      return this.setState(
        'undecryptable',
        changed
          ? `The token was saved with ${describeBackend(sealed.backend)}, but HA Tray now uses ${describeBackend(secrets.backend())} and cannot read it. Paste your token again.`
          : 'The saved token could not be decrypted (the keyring may have been reset). Paste your token again.',
      );
    }
  }

  private async tryDecrypt(sealed: SealedToken): Promise<string | null> {
    try {
      return await this.options.secrets.decrypt(Buffer.from(sealed.ciphertext, 'base64'));
    } catch {
      return null;
    }
  }

  private scheduleRetry(): void {
    if (this.retryTimer) return;
    const delay = this.retryDelay;
    this.retryDelay = Math.min(this.retryDelay * 2, this.options.retryDelays?.maxMs ?? 30_000);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.unseal();
    }, delay);
  }

  /** Before the first save over a damaged or foreign file, keep a copy for the curious. */
  private keepDamagedCopy(): void {
    if (this.state === 'undecryptable' && existsSync(this.path)) {
      copyFileSync(
        this.path,
        `${this.path}.unreadable-${this.now().toISOString().replace(/[:.]/g, '-')}`,
      );
    }
  }

  private write(contents: VaultContents): void {
    writeVaultFile(this.path, contents);
    this.contents = contents;
  }

  private setState(state: VaultState, message: string | null): VaultState {
    this.state = state;
    this.message = message;
    this.emit();
    return state;
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
