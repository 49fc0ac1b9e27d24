import { Emitter } from '../../shared/emitter';
import { normaliseInstanceUrl } from '../../shared/instance-url';
import { httpRefusal } from '../../shared/login-refusal';
import { SIGN_IN_IDLE, type SignInStatus } from '../../shared/sign-in';
import type { RotationInterval } from '../../shared/token-status';
import { UserFacingError } from '../../shared/user-facing-error';
import { runDetached } from '../detached';
import { logListenerError } from '../log/listener-errors';
import type { VerifyOutcome } from '../token-lifecycle/ports';
import {
  rotationClientName,
  tokenLifespanDays,
  uniqueClientName,
} from '../token-lifecycle/rotation-naming';
import { refreshTokenIdOf } from '../token-lifecycle/token-claims';
import { AuthEndpointRefusal, authorizeUrl } from './auth-endpoint';
import type { CallbackOutcome, LoopbackCallback } from './loopback-callback';
import type { SignInConnection } from './sign-in-cleanup';
import type { SignInJournal } from './sign-in-journal';
import { SIGN_IN_MESSAGES as MESSAGES, signedIn } from './sign-in-messages';
import { SignInRecovery, type SignInRecoveryDeps } from './sign-in-recovery';

export interface BrowserSignInDeps extends SignInRecoveryDeps {
  /** The loopback listener the browser comes back to (src/main/sign-in/loopback-callback.ts). */
  openCallback: () => Promise<LoopbackCallback>;
  openBrowser: (url: string) => Promise<void>;
  /** Whose `token` is, on a fresh connection: `rejected` when Home Assistant refuses it. */
  verify: (origin: string, token: string) => Promise<VerifyOutcome>;
  hostname: string;
  interval: () => RotationInterval;
  /** Why nothing may go to `origin` now (plain http the user did not agree to...), or null. */
  mayContact: (origin: string) => Promise<string | null>;
  /** Why no sign-in may start now (a token rotation is unfinished), or null. */
  busy: () => string | null;
  /** First sign-in: the new token becomes the one HA Tray connects to `origin` with. */
  adopt: (origin: string, token: string, name: string) => Promise<void>;
  /**
   * The user signs in again to the saved Home Assistant: the live connection moves to `token`,
   * it is saved, the old token is revoked. Resolves to the sentence for the page; throws a
   * `UserFacingError` when nothing changed (the user said no to another user's token...).
   */
  replace: (token: string) => Promise<string>;
}

/**
 * "Sign in with Home Assistant": the browser logs in on Home Assistant's own page and comes back
 * to a loopback listener with a code; main trades it for a sign-in session, makes a long-lived
 * token named for this computer on that session's connection, checks it, stores it, and deletes
 * the session from the new token's own connection, so only the named, revocable token remains.
 *
 * A journal is written before each step that may leave a token in Home Assistant, and the session
 * waits encrypted in the vault's pending slot, so an attempt cut short at any point (a crash, a
 * kill, Home Assistant restarting) is cleaned up by `resume()` on the next start or connection:
 * nothing is left behind, in Home Assistant or on disk. No request ever repeats a refused
 * credential: each counts toward Home Assistant's IP ban.
 */
export class BrowserSignIn {
  private state: SignInStatus = SIGN_IN_IDLE;
  private waiting: LoopbackCallback | null = null;
  private finishing: Promise<void> | null = null;
  private readonly changes: Emitter<SignInStatus>;
  private readonly recovery: SignInRecovery;

  constructor(private readonly deps: BrowserSignInDeps) {
    this.changes = new Emitter(logListenerError(deps.logger, 'the sign-in'));
    this.recovery = new SignInRecovery(deps, (status) => this.set(status));
  }

  status(): SignInStatus {
    return this.state;
  }

  onStatus(listener: (status: SignInStatus) => void): () => void {
    return this.changes.on(listener);
  }

  /** True while an attempt runs or an interrupted one is not cleaned up: no rotation may start. */
  isOpen(): boolean {
    return this.waiting !== null || this.finishing !== null || this.recovery.isOpen();
  }

  async start(url: string): Promise<SignInStatus> {
    const instance = normaliseInstanceUrl(url);
    if (!instance.ok) throw new UserFacingError(instance.error, 'invalid_url');
    const { origin } = instance.value;
    if (this.finishing) throw new UserFacingError(MESSAGES.busy);
    const busy = this.deps.busy();
    if (busy) return this.set({ phase: 'failed', origin, message: busy });
    if (await this.recovery.holdsSession())
      return this.set({ phase: 'failed', origin, message: MESSAGES.earlierNotCleaned });
    const refusal = await this.deps.mayContact(origin);
    if (refusal) return this.set({ phase: 'failed', origin, message: refusal });
    // A second sign-in replaces one that waits: its browser tab can no longer come back.
    this.waiting?.cancel();
    this.waiting = null;
    let callback: LoopbackCallback;
    try {
      callback = await this.deps.openCallback();
    } catch (error) {
      this.deps.logger.warn('Sign-in: the loopback listener could not open', error);
      return this.set({ phase: 'failed', origin, message: MESSAGES.noListener });
    }
    this.waiting = callback;
    this.set({ phase: 'waiting', origin, message: null });
    runDetached(this.follow(callback, origin), this.deps.logger, 'Signing in');
    try {
      await this.deps.openBrowser(authorizeUrl(origin, callback));
    } catch (error) {
      this.deps.logger.warn('Sign-in: the browser could not be opened', error);
      this.waiting = null;
      callback.cancel();
      return this.set({ phase: 'failed', origin, message: MESSAGES.noBrowser });
    }
    return this.state;
  }

  /** "Cancel": the listener closes; a browser that comes back later finds nobody there. */
  cancel(): SignInStatus {
    this.waiting?.cancel();
    return this.state;
  }

  /**
   * At start and on every connection: cleans up after an attempt that was cut short. A network
   * failure tries again later; a refusal ends it.
   */
  resume(): Promise<void> {
    return this.finishing ?? this.recovery.resume();
  }

  dispose(): void {
    this.waiting?.cancel();
    this.recovery.dispose();
  }

  private async follow(callback: LoopbackCallback, origin: string): Promise<void> {
    const outcome = await callback.outcome;
    if (this.waiting !== callback) return;
    this.waiting = null;
    if (outcome.kind !== 'code') {
      this.set(endedWithout(outcome, origin));
      return;
    }
    this.finishing = this.finish(origin, callback.clientId, outcome.code).finally(
      () => (this.finishing = null),
    );
    await this.finishing;
  }

  private async finish(origin: string, clientId: string, code: string): Promise<void> {
    this.set({ phase: 'finishing', origin, message: null });
    const earlier = await this.recovery.read();
    const journal: SignInJournal = {
      step: 'exchanging',
      startedAt: this.deps.clock.now(),
      origin,
      clientId,
      userId: null,
      sessionTokenId: null,
      clientName: null,
      newTokenId: null,
      leftoverClientIds: leftoversOf(earlier, origin),
    };
    try {
      await this.recovery.record(journal);
    } catch (error) {
      this.deps.logger.warn('Sign-in: the journal could not be written', error);
      this.fail(origin, MESSAGES.notRecorded);
      return;
    }

    let session: { accessToken: string; refreshToken: string };
    try {
      session = await this.deps.auth.exchangeCode(origin, code, clientId);
    } catch (error) {
      this.deps.logger.warn('Sign-in: the code could not be exchanged', error);
      if (error instanceof AuthEndpointRefusal) {
        // A user Home Assistant does not let in: it may have made the session before it said so
        // (its InvalidAuthError path), so this attempt's client id stays recorded with the rest.
        const denied = error.error === 'access_denied';
        const keep = denied
          ? { ...journal, leftoverClientIds: leftoversOf(journal, origin) }
          : journal.leftoverClientIds.length > 0
            ? journal
            : null;
        await this.recovery.close(keep);
        const banned = !denied && httpRefusal(error.status) === 'banned';
        this.fail(
          origin,
          denied ? MESSAGES.userDenied : banned ? MESSAGES.banned : MESSAGES.codeRefused,
        );
      } else {
        this.fail(origin, MESSAGES.lostDuringExchange);
        this.recovery.scheduleRetry();
      }
      return;
    }
    const releases = [this.deps.hold(session.accessToken), this.deps.hold(session.refreshToken)];
    try {
      await this.makeToken(journal, session);
    } finally {
      for (const release of releases) release();
    }
  }

  private async makeToken(
    first: SignInJournal,
    session: { accessToken: string; refreshToken: string },
  ): Promise<void> {
    const { deps } = this;
    const { origin } = first;
    let journal = first;
    let connection: SignInConnection | null = null;
    let token: string;
    let release = () => {};
    try {
      await deps.vault.savePending(session.refreshToken);
      journal = await this.recovery.record({
        ...journal,
        step: 'session_stored',
        sessionTokenId: refreshTokenIdOf(session.accessToken),
      });
      connection = await deps.connect(origin, session.accessToken);
      const user = await connection.currentUser();
      const taken = (await connection.listRefreshTokens()).map((t) => t.clientName);
      const base = rotationClientName(deps.hostname, new Date(deps.clock.now()));
      journal = await this.recovery.record({
        ...journal,
        step: 'creating',
        userId: user.userId,
        clientName: uniqueClientName(base, taken),
      });
      token = await connection.createToken(journal.clientName!, tokenLifespanDays(deps.interval()));
      release = deps.hold(token);
      const newTokenId = refreshTokenIdOf(token);
      if (newTokenId === null) throw new Error('Home Assistant made a token HA Tray cannot read');
      journal = await this.recovery.record({ ...journal, step: 'created', newTokenId });
      const verified = await deps.verify(origin, token);
      if (verified.kind !== 'ok' || verified.userId !== user.userId)
        throw new UserFacingError(MESSAGES.notAccepted);
    } catch (error) {
      this.deps.logger.warn('Sign-in: the long-lived token could not be made', error);
      await this.recovery.undo(journal, connection, session.refreshToken, messageOf(error));
      release();
      return;
    } finally {
      connection?.close();
    }

    let message: string;
    try {
      message = await this.store(origin, token, journal.clientName!);
    } catch (error) {
      this.deps.logger.warn('Sign-in: the new token was not taken into use', error);
      await this.recovery.undo(journal, null, session.refreshToken, messageOf(error));
      release();
      return;
    }
    release();
    // If this record fails, recovery still finds the new token current in the vault.
    await this.recovery.record({ ...journal, step: 'stored' }).catch(() => undefined);
    this.set({ phase: 'signed_in', origin, message });
    // The session goes now, from the new token's own connection.
    await this.recovery.resume();
  }

  /** The new token goes into use: as the first one, or in place of the current one. */
  private async store(origin: string, token: string, name: string): Promise<string> {
    const saved = this.deps.savedOrigin();
    if (saved === origin && this.deps.vault.token() !== null) return this.deps.replace(token);
    await this.deps.adopt(origin, token, name);
    return signedIn(name);
  }

  private fail(origin: string, message: string): void {
    this.set({ phase: 'failed', origin, message });
  }

  private set(status: SignInStatus): SignInStatus {
    this.state = status;
    this.changes.emit(status);
    return status;
  }
}

function endedWithout(
  outcome: Exclude<CallbackOutcome, { kind: 'code' }>,
  origin: string,
): SignInStatus {
  switch (outcome.kind) {
    case 'cancelled':
      return { phase: 'idle', origin, message: MESSAGES.cancelled };
    case 'timed_out':
      return { phase: 'failed', origin, message: MESSAGES.timedOut };
    case 'wrong_state':
      return { phase: 'failed', origin, message: MESSAGES.wrongState };
    default:
      return { phase: 'failed', origin, message: MESSAGES.refused };
  }
}

/** An earlier attempt to the same address whose session could not be found: its client id. */
function leftoversOf(earlier: SignInJournal | null, origin: string): string[] {
  if (!earlier || earlier.origin !== origin) return [];
  return [...new Set([...earlier.leftoverClientIds, earlier.clientId])].slice(-20);
}

const messageOf = (error: unknown): string =>
  error instanceof UserFacingError ? error.message : MESSAGES.notMade;
