import { join } from 'node:path';
import { Emitter } from '../../shared/emitter';
import type { TokenMetadata, VaultState } from '../../shared/token-metadata';
import { UserFacingError } from '../../shared/user-facing-error';
import { runDetached } from '../detached';
import { systemClock, type Clock } from '../ha/clock';
import { logListenerError } from '../log/listener-errors';
import type { Logger } from '../log/logger';
import { NewerFileError } from '../storage/document-format';
import type { JsonFileStore } from '../storage/json-file-store';
import { INSTANCE_FILES } from '../storage/layout';
import type { Decrypted, SecretStore } from './secret-store';
import { describeBackend, isWeakBackend } from './secret-store';
import { tokenDates } from './token-dates';
import type { SealedToken, VaultContents } from './vault-file';
import { EMPTY_VAULT, readVaultFile, vaultFileStore } from './vault-file';
import { vaultMessages } from './vault-messages';

/** Runs `callback` after `delayMs`; returns a function that cancels it. The callback never rejects. */
export type Schedule = (callback: () => Promise<void>, delayMs: number) => () => void;

export interface TokenVaultOptions {
  /** The instance's folder (src/main/storage/layout.ts); the vault is one file in it. */
  dir: string;
  secrets: SecretStore;
  /** The user agreed to weak (basic_text) storage: remembered in the settings. */
  weakStorageAllowed: () => boolean;
  logger: Logger;
  clock?: Pick<Clock, 'now'>;
  /** Waits between checks of a locked keyring: 1 s doubling up to 30 s by default. */
  retryDelays?: { firstMs: number; maxMs: number };
  schedule?: Schedule;
}

export const VAULT_FILE = INSTANCE_FILES.vault;

const realSchedule =
  (logger: Logger): Schedule =>
  (callback, delayMs) => {
    const timer = setTimeout(
      () => runDetached(callback(), logger, 'A scheduled keyring check'),
      delayMs,
    );
    timer.unref();
    return () => clearTimeout(timer);
  };

/**
 * The Home Assistant token, encrypted by the operating system and kept only as ciphertext on
 * disk, in its own file. Main-process only: the renderer sees `metadata()`, never the token.
 *
 * Opening never throws and never crash-loops: a locked keyring is retried with backoff, a changed
 * keyring or a damaged file is reported, and the old ciphertext stays until a new token is saved.
 * The plain token is held only while the state is 'ready'; `token()` is null otherwise, so
 * nothing can connect with an empty token. Operations run one at a time, in call order.
 */
export class TokenVault {
  private contents: VaultContents = EMPTY_VAULT;
  private current: string | null = null;
  private pending: string | null = null;
  private state: VaultState = 'empty';
  private message: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private cancelRetry: (() => void) | null = null;
  private retryDelayMs: number;
  private readonly changes: Emitter<void>;
  private readonly file: JsonFileStore<VaultContents>;
  private readonly clock: Pick<Clock, 'now'>;
  private readonly schedule: Schedule;

  constructor(private readonly options: TokenVaultOptions) {
    this.file = vaultFileStore(join(options.dir, VAULT_FILE));
    this.clock = options.clock ?? systemClock;
    this.schedule = options.schedule ?? realSchedule(options.logger);
    this.retryDelayMs = this.firstDelay();
    this.changes = new Emitter(logListenerError(options.logger, 'the token vault'));
  }

  /** Reads and decrypts the stored token. Call after the app is ready, and again after the weak-storage opt-in. */
  open(): Promise<VaultState> {
    return this.exclusive(async () => {
      this.stopRetrying();
      await this.file.removeStaleTempFiles();
      const read = await readVaultFile(this.file);
      if (read.kind === 'damaged') {
        this.options.logger.warn('The token vault file is damaged; asking for the token again');
        this.contents = EMPTY_VAULT;
        return this.setState('undecryptable', vaultMessages.damagedFile);
      }
      if (read.kind === 'newer') {
        this.options.logger.warn(read.error.message);
        this.contents = EMPTY_VAULT;
        return this.setState('undecryptable', vaultMessages.newerFile);
      }
      this.contents = read.contents;
      if (this.contents.current) return this.unlock();
      if (this.refusesWeakStorage())
        return this.setState('weak_storage_refused', vaultMessages.weakStorageRefused);
      // An interrupted first sign-in left its session: readable only while the keyring is.
      const { pending } = this.contents;
      const session =
        pending && (await this.keyringAvailable()) ? await this.tryDecrypt(pending) : null;
      return this.setState('empty', null, { current: null, pending: session?.plainText ?? null });
    });
  }

  getState(): VaultState {
    return this.state;
  }

  onChange(listener: () => void): () => void {
    return this.changes.on(listener);
  }

  /** The current token, for the main process only: null unless the vault is ready, never empty. */
  token(): string | null {
    return this.state === 'ready' ? this.current : null;
  }

  /**
   * The token a rotation stored but has not made current yet, or the session of a browser sign-in
   * that has no current token yet (src/main/sign-in/).
   */
  pendingToken(): string | null {
    return this.state === 'ready' || this.state === 'empty' ? this.pending : null;
  }

  /** Encrypts and stores a token as the current one, replacing whatever was there (even unreadable ciphertext). */
  save(token: string, name: string | null = null): Promise<void> {
    return this.exclusive(async () => {
      const sealed = await this.seal(token, name, new Date(this.clock.now()));
      await this.write({ ...this.contents, current: sealed });
      this.stopRetrying();
      this.setState('ready', null, { current: token, pending: this.pending });
    });
  }

  /**
   * Step one of a rotation: the new token is stored encrypted, not yet in use. A first sign-in
   * keeps its session here too, before there is any current token.
   */
  savePending(token: string, name: string | null = null): Promise<void> {
    return this.exclusive(async () => {
      if (this.state !== 'ready' && this.state !== 'empty')
        throw new UserFacingError(vaultMessages.notReady, 'not_ready');
      const sealed = await this.seal(token, name, new Date(this.clock.now()));
      await this.write({ ...this.contents, pending: sealed });
      this.pending = token;
    });
  }

  /** Step two of a rotation: the pending token becomes current, in one atomic write. */
  promotePending(): Promise<void> {
    return this.exclusive(async () => {
      const { pending } = this.contents;
      if (!pending || this.pending === null || this.state !== 'ready')
        throw new UserFacingError(vaultMessages.noPending, 'no_pending_token');
      await this.write({ ...this.contents, current: pending, pending: null });
      this.setState('ready', null, { current: this.pending, pending: null });
    });
  }

  discardPending(): Promise<void> {
    return this.exclusive(async () => {
      if (!this.contents.pending) return;
      await this.write({ ...this.contents, pending: null });
      this.pending = null;
    });
  }

  /** Remembers the token's name in Home Assistant, for the settings page. */
  setName(name: string | null): Promise<void> {
    return this.exclusive(async () => {
      const { current } = this.contents;
      if (!current || current.name === name) return;
      await this.write({ ...this.contents, current: { ...current, name } });
      this.changes.emit();
    });
  }

  /** Removes the token (the user disconnects HA Tray from Home Assistant). */
  clear(): Promise<void> {
    return this.exclusive(async () => {
      this.stopRetrying();
      await this.write(EMPTY_VAULT);
      this.setState('empty', null);
    });
  }

  /** What the renderer may know about the token: never the token itself. */
  metadata(): TokenMetadata {
    const saved = this.contents.current;
    const backend = saved?.backend ?? this.options.secrets.backend();
    const dates = this.current ? tokenDates(this.current) : null;
    return {
      present: saved !== null,
      state: this.state,
      protection: describeBackend(backend),
      weakProtection: isWeakBackend(backend),
      savedAt: saved?.savedAt ?? null,
      issuedAt: dates?.issuedAt?.toISOString() ?? null,
      expiresAt: dates?.expiresAt?.toISOString() ?? null,
      name: saved?.name ?? null,
      message: this.message,
    };
  }

  /** Stops the keyring retries and resolves once every operation and write has landed. */
  async dispose(): Promise<void> {
    this.stopRetrying();
    this.changes.clear();
    await this.queue;
    await this.file.flush();
  }

  // ---------------------------------------------------------------------------------------------

  private exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation, operation);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private refusesWeakStorage(): boolean {
    return isWeakBackend(this.options.secrets.backend()) && !this.options.weakStorageAllowed();
  }

  /** Decrypts the saved token, or says why not. Runs inside `exclusive`. */
  private async unlock(): Promise<VaultState> {
    const { secrets, logger } = this.options;
    const sealed = this.contents.current;
    if (!sealed) return this.setState('empty', null);
    const backend = secrets.backend();
    if (isWeakBackend(backend)) {
      if (!isWeakBackend(sealed.backend)) {
        // Chromium picks basic_text when it finds no keyring at start: waiting will not help.
        logger.warn(`The keyring changed from ${sealed.backend} to ${backend}`);
        return this.setState('undecryptable', vaultMessages.keyringGone(sealed.backend));
      }
      if (!this.options.weakStorageAllowed())
        return this.setState('weak_storage_refused', vaultMessages.weakStorageRefused);
      secrets.allowWeakEncryption();
    }
    if (!(await this.keyringAvailable())) return this.waitForKeyring();
    const current = await this.tryDecrypt(sealed);
    if (!current) {
      if (!(await this.keyringAvailable())) return this.waitForKeyring();
      const changed = sealed.backend !== backend;
      logger.warn(
        changed
          ? `The keyring changed from ${sealed.backend} to ${backend}; the saved token cannot be decrypted`
          : 'The saved token could not be decrypted',
      );
      return this.setState(
        'undecryptable',
        changed
          ? vaultMessages.backendChanged(sealed.backend, backend)
          : vaultMessages.notDecryptable,
      );
    }
    const pending = this.contents.pending ? await this.tryDecrypt(this.contents.pending) : null;
    if (this.contents.pending && !pending)
      logger.warn('The pending token of a rotation could not be decrypted');
    this.retryDelayMs = this.firstDelay();
    this.setState('ready', null, {
      current: current.plainText,
      pending: pending?.plainText ?? null,
    });
    const keyChanged = sealed.backend !== backend && backend !== 'unknown';
    if (current.shouldReEncrypt || pending?.shouldReEncrypt || keyChanged) await this.reEncrypt();
    return this.state;
  }

  private async keyringAvailable(): Promise<boolean> {
    try {
      return await this.options.secrets.isAvailable();
    } catch {
      return false;
    }
  }

  /** The plain text, or null when it cannot be decrypted (an empty result counts as a failure). */
  private async tryDecrypt(sealed: SealedToken): Promise<Decrypted | null> {
    try {
      const decrypted = await this.options.secrets.decrypt(
        Buffer.from(sealed.ciphertext, 'base64'),
      );
      return decrypted.plainText === '' ? null : decrypted;
    } catch {
      return null;
    }
  }

  /** The key was rotated, or the token was read with a newer keyring: store it as that keyring encrypts it now. */
  private async reEncrypt(): Promise<void> {
    const { current, pending } = this.contents;
    try {
      const resealed: VaultContents = {
        ...this.contents,
        current:
          current && this.current !== null
            ? await this.seal(this.current, current.name, new Date(current.savedAt))
            : current,
        pending:
          pending && this.pending !== null
            ? await this.seal(this.pending, pending.name, new Date(pending.savedAt))
            : pending,
      };
      await this.write(resealed);
    } catch {
      this.options.logger.warn(
        'The token could not be encrypted again; the saved copy still works',
      );
    }
  }

  private async seal(token: string, name: string | null, savedAt: Date): Promise<SealedToken> {
    const { secrets } = this.options;
    if (token.trim() === '') throw new UserFacingError(vaultMessages.emptyToken, 'empty_token');
    if (this.refusesWeakStorage())
      throw new UserFacingError(vaultMessages.weakStorageRefused, 'weak_storage_refused');
    if (isWeakBackend(secrets.backend())) secrets.allowWeakEncryption();
    if (!(await this.keyringAvailable()))
      throw new UserFacingError(vaultMessages.lockedOnSave, 'locked');
    let ciphertext: Buffer;
    try {
      ciphertext = await secrets.encrypt(token);
    } catch {
      // The secret store's own error is dropped: it is not ours to vouch that it holds no token.
      throw new UserFacingError(vaultMessages.encryptFailed, 'encrypt_failed');
    }
    return {
      backend: secrets.backend(),
      ciphertext: ciphertext.toString('base64'),
      savedAt: savedAt.toISOString(),
      name,
    };
  }

  private waitForKeyring(): VaultState {
    if (!this.cancelRetry) {
      const delay = this.retryDelayMs;
      this.retryDelayMs = Math.min(delay * 2, this.options.retryDelays?.maxMs ?? 30_000);
      this.cancelRetry = this.schedule(async () => {
        this.cancelRetry = null;
        await this.exclusive(() =>
          this.state === 'locked' ? this.unlock() : Promise.resolve(this.state),
        ).catch((error: unknown) =>
          this.options.logger.error('Checking the keyring again failed', error),
        );
      }, delay);
    }
    return this.setState('locked', vaultMessages.locked);
  }

  private stopRetrying(): void {
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.retryDelayMs = this.firstDelay();
  }

  private firstDelay(): number {
    return this.options.retryDelays?.firstMs ?? 1000;
  }

  private async write(contents: VaultContents): Promise<void> {
    try {
      await this.file.write(contents);
    } catch (error) {
      if (error instanceof NewerFileError)
        throw new UserFacingError(vaultMessages.newerFile, 'newer_file');
      throw error;
    }
    this.contents = contents;
  }

  /** The only place the state changes: plain tokens are kept only while the vault is ready. */
  private setState(
    state: VaultState,
    message: string | null,
    tokens: { current: string | null; pending: string | null } = { current: null, pending: null },
  ): VaultState {
    this.state = state;
    this.message = message;
    this.current = state === 'ready' ? tokens.current : null;
    this.pending = state === 'ready' || state === 'empty' ? tokens.pending : null;
    this.changes.emit();
    return state;
  }
}
