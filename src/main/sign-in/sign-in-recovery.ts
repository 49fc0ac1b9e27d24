import type { SignInStatus } from '../../shared/sign-in';
import { runDetached } from '../detached';
import { backoffDelay } from '../ha/backoff';
import type { Clock } from '../ha/clock';
import type { Logger } from '../log/logger';
import { refreshTokenIdOf } from '../token-lifecycle/token-claims';
import { AuthEndpointRefusal, type AuthEndpoint } from './auth-endpoint';
import { deleteSignInLeftovers, type SignInConnection } from './sign-in-cleanup';
import { signInStepReached, type SignInJournal, type SignInJournalStore } from './sign-in-journal';
import { SIGN_IN_MESSAGES as MESSAGES } from './sign-in-messages';

export interface SignInRecoveryDeps {
  clock: Clock;
  auth: AuthEndpoint;
  /** A fresh connection to `origin` with `token`, never the live one. */
  connect: (origin: string, token: string) => Promise<SignInConnection>;
  /** The vault's slots: the session's refresh token waits, encrypted, in the pending one. */
  vault: {
    token(): string | null;
    pendingToken(): string | null;
    savePending(token: string): Promise<void>;
    discardPending(): Promise<void>;
  };
  journal: SignInJournalStore;
  /** The address HA Tray is set up for, if any. */
  savedOrigin: () => string | null;
  /** The logger redacts `secret` until the returned function is called. */
  hold: (secret: string) => () => void;
  logger: Logger;
}

/** How often an interrupted sign-in's leftovers are looked for again while Home Assistant is away. */
const RETRY = { baseMs: 30_000, maxMs: 10 * 60_000 };

/**
 * The sign-in's journal and everything that undoes a sign-in: giving up an attempt, and cleaning
 * up after one that was cut short (a crash, a kill, Home Assistant restarting). It never tries a
 * credential that may have been revoked or refused: each such request counts toward Home
 * Assistant's IP ban, so the session's pending copy is discarded before the session is revoked.
 */
export class SignInRecovery {
  private journalOpen = false;
  private recovering: Promise<void> | null = null;
  private retryTimer: unknown = null;
  private retries = 0;

  constructor(
    private readonly deps: SignInRecoveryDeps,
    private readonly report: (status: SignInStatus) => void,
  ) {}

  /** A journal is open: an attempt runs, or an interrupted one is not cleaned up yet. */
  isOpen(): boolean {
    return this.journalOpen;
  }

  /**
   * Whether an earlier attempt still holds a session in the vault's pending slot after one more
   * try at cleaning it up: a new attempt would need that slot.
   */
  async holdsSession(): Promise<boolean> {
    if (!this.journalOpen) return false;
    await this.resume();
    const journal = await this.read();
    return journal !== null && signInStepReached(journal, 'session_stored');
  }

  /** Cleans up after an attempt that was cut short. A network failure tries again later. */
  resume(): Promise<void> {
    this.recovering ??= this.recover().finally(() => (this.recovering = null));
    return this.recovering;
  }

  dispose(): void {
    if (this.retryTimer !== null) this.deps.clock.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /**
   * Gives up an attempt after its session exists: deletes the token it was making and the
   * session itself, with the session's own connection if it is still open. What cannot be
   * deleted now stays in the journal for `resume()`. Reports the attempt failed with `message`.
   */
  async undo(
    journal: SignInJournal,
    connection: SignInConnection | null,
    refreshToken: string,
    message: string,
  ): Promise<void> {
    try {
      if (connection) await deleteSignInLeftovers(connection, journal, { keepNewToken: false });
      else await this.cleanWithSession(journal, refreshToken);
      await this.deps.vault.discardPending();
      await this.deps.auth.revoke(journal.origin, refreshToken);
      await this.close(null);
      this.report({ phase: 'failed', origin: journal.origin, message });
    } catch (error) {
      this.deps.logger.warn('Sign-in: what it left could not be deleted yet', error);
      this.report({
        phase: 'failed',
        origin: journal.origin,
        message: `${message} ${MESSAGES.cleanupLater}`,
      });
      this.scheduleRetry();
    }
  }

  async read(): Promise<SignInJournal | null> {
    try {
      const journal = await this.deps.journal.read();
      this.journalOpen = journal !== null;
      return journal;
    } catch (error) {
      // Damaged or newer: there is nothing this version can safely act on.
      this.deps.logger.warn('Sign-in: the sign-in record cannot be read', error);
      return null;
    }
  }

  async record(journal: SignInJournal): Promise<SignInJournal> {
    await this.deps.journal.write(journal);
    this.journalOpen = true;
    return journal;
  }

  /** Clears the journal, or keeps only the leftovers of earlier attempts (`keep`). */
  async close(keep: SignInJournal | null): Promise<void> {
    if (keep) {
      await this.record({ ...keep, step: 'exchanging', sessionTokenId: null });
      return;
    }
    await this.deps.journal.clear();
    this.journalOpen = false;
  }

  /** Retries the cleanup later, with a backoff: Home Assistant may be away for a while. */
  scheduleRetry(): void {
    if (this.retryTimer !== null) return;
    this.retries += 1;
    this.retryTimer = this.deps.clock.setTimeout(
      () => {
        this.retryTimer = null;
        runDetached(this.resume(), this.deps.logger, 'Cleaning up after a sign-in');
      },
      backoffDelay(this.retries, RETRY),
    );
  }

  private async recover(): Promise<void> {
    const journal = await this.read();
    if (!journal) return;
    const { origin } = journal;
    const current = this.deps.vault.token();
    const currentIsNew =
      journal.newTokenId !== null && refreshTokenIdOf(current) === journal.newTokenId;
    const sameInstance = this.deps.savedOrigin() === origin && current !== null;
    const session = this.deps.vault.pendingToken();
    try {
      if (currentIsNew || sameInstance) {
        // The vault's token (the new one, or the one from before) sees and deletes the rest; the
        // waiting session is never used again.
        const connection = await this.deps.connect(origin, current!);
        try {
          await deleteSignInLeftovers(connection, journal, { keepNewToken: currentIsNew });
        } finally {
          connection.close();
        }
        if (session !== null) await this.deps.vault.discardPending();
      } else if (session !== null) {
        // While a sign-in journal is open only the sign-in uses the pending slot: it is the session.
        await this.cleanWithSession(journal, session);
        await this.deps.vault.discardPending();
        await this.deps.auth.revoke(origin, session);
      } else {
        // No credential reaches this Home Assistant yet: the next sign-in to it cleans up.
        return;
      }
      await this.close(null);
      this.retries = 0;
    } catch (error) {
      if (!(error instanceof AuthEndpointRefusal)) {
        this.deps.logger.warn('Sign-in: an interrupted sign-in could not be cleaned up yet', error);
        this.scheduleRetry();
        return;
      }
      // The session is gone (revoked elsewhere, or expired): it must never be tried again.
      this.deps.logger.warn('Sign-in: the interrupted session was refused', error);
      await this.deps.vault.discardPending();
      await this.close(null);
      if (signInStepReached(journal, 'creating') && !currentIsNew && journal.clientName)
        this.report({ phase: 'failed', origin, message: MESSAGES.leftover(journal.clientName) });
    }
  }

  /** Cleans up with a fresh access token from the session waiting in the vault. */
  private async cleanWithSession(journal: SignInJournal, refreshToken: string): Promise<void> {
    const { auth, connect, hold } = this.deps;
    const access = await auth.refreshAccess(journal.origin, refreshToken, journal.clientId);
    const release = hold(access);
    try {
      const connection = await connect(journal.origin, access);
      try {
        await deleteSignInLeftovers(connection, journal, { keepNewToken: false });
      } finally {
        connection.close();
      }
    } finally {
      release();
    }
  }
}
