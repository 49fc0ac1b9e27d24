import { Emitter } from '../../shared/emitter';
import type { RotationInterval, RotationStatus, RotationStep } from '../../shared/token-status';
import type { Clock } from '../ha/clock';
import { logListenerError } from '../log/listener-errors';
import type { Logger } from '../log/logger';
import { NewerFileError } from '../storage/document-format';
import { DamagedFileError } from '../storage/json-file-store';
import type { HaTokenPort, LiveConnection, RotationVault, VerifyOutcome } from './ports';
import type { JournalStore, RotationJournal } from './rotation-journal';
import { stepReached } from './rotation-journal';
import { rotationClientName, tokenLifespanDays, uniqueClientName } from './rotation-naming';
import { refreshTokenIdOf } from './token-claims';

export interface TokenRotationOptions {
  ha: HaTokenPort;
  vault: RotationVault;
  connection: LiveConnection;
  journal: JournalStore;
  clock: Pick<Clock, 'now'>;
  /** Goes into the new token's name, so the user can tell in Home Assistant which computer made it. */
  hostname: string;
  interval: () => RotationInterval;
  logger?: Logger;
  /** A browser sign-in is unfinished and uses the vault's pending slot: no rotation may start. */
  signInOpen?: () => boolean;
}

const MESSAGES = {
  noToken: 'HA Tray has no token to rotate. Connect to Home Assistant first.',
  signingIn: 'A sign-in is under way. Rotate the token once it has finished.',
  unreachable:
    'HA Tray could not reach Home Assistant to start the rotation. Nothing was changed; try again when it is connected.',
  unidentified:
    'HA Tray cannot tell which Home Assistant token it uses, so it cannot rotate it safely.',
  notRecorded: 'HA Tray could not write its rotation record to disk. Nothing was changed.',
  notCreated: 'Home Assistant did not create the new token. Your current token is unchanged.',
  unreadable:
    'Home Assistant returned a token HA Tray cannot read. Your current token is unchanged.',
  notStored: 'The new token could not be stored safely. Your current token is unchanged.',
  rejected: 'Home Assistant did not accept the new token. Your current token is unchanged.',
  otherUser: 'The new token belongs to another user. Your current token is unchanged.',
  interrupted:
    'The last rotation was interrupted before the new token was in use. Your current token is unchanged.',
  cannotVerify:
    'HA Tray could not check the new token because Home Assistant is unreachable. It will finish the rotation when it reconnects.',
  cannotSwitch:
    'The new token is saved, but HA Tray could not switch its connection to it yet. It will finish the rotation when it reconnects.',
  cannotRevoke:
    'The new token is in use, but Home Assistant did not revoke the old one. Retry, or delete it in your Home Assistant profile.',
  damaged:
    'The record of an interrupted token rotation was damaged. Check the token list for an unused "HA Tray on …" token and revoke it.',
  pendingRecovery:
    'A token rotation was interrupted. HA Tray will finish it when it connects to Home Assistant.',
  newerJournal:
    'A newer version of HA Tray left a token rotation unfinished. This version cannot read its ' +
    'record, leaves it untouched and rotates nothing: update HA Tray to finish it.',
} as const;

/** Interrupted at the first step: the new token may or may not exist, and only HA can say. */
const interruptedAtStart = (name: string) =>
  `A token rotation was interrupted while Home Assistant was creating the new token "${name}". ` +
  'HA Tray will check when it connects and delete that token if it was created; your current token is unchanged.';

const leftover = (name: string) =>
  `HA Tray could not delete the unused token "${name}" it created. It will try again when it reconnects; ` +
  'you can also delete it in your Home Assistant profile under Security.';

/**
 * One-click token rotation: create a new token, store it encrypted as pending, verify it on a
 * fresh connection, make it current and switch the live connection, revoke the old one.
 *
 * Each completed step is recorded in a journal first, so that after a crash, kill or power loss
 * `resume()` finishes or undoes the rotation. The invariant, at every point:
 *   1. the vault's current token works (the old token is revoked only after the new one is
 *      current and the live connection uses it), and
 *   2. every token a rotation created is current, deleted, or named to the user in the status
 *      (`leftoverTokenName`) while the journal stays open to try again.
 */
export class TokenRotation {
  private state: RotationStatus = { phase: 'idle' };
  private journal: RotationJournal | null = null;
  /** A newer HA Tray's journal: its rotation is unknown here, so no rotation may start. */
  private newerJournal = false;
  private running: Promise<RotationStatus> | null = null;
  private readonly changes: Emitter<RotationStatus>;

  constructor(private readonly options: TokenRotationOptions) {
    this.changes = new Emitter(
      options.logger && logListenerError(options.logger, 'the token rotation'),
    );
  }

  status(): RotationStatus {
    return this.state;
  }

  onStatus(listener: (status: RotationStatus) => void): () => void {
    return this.changes.on(listener);
  }

  /** True while a rotation is unfinished (running, or interrupted and not yet recovered). */
  isOpen(): boolean {
    return this.journal !== null || this.running !== null || this.newerJournal;
  }

  /** Refresh-token ids an unfinished rotation works on: nothing else may revoke them. */
  lockedTokenIds(): string[] {
    const journal = this.journal;
    return journal
      ? [journal.oldTokenId, journal.newTokenId].filter((id): id is string => id !== null)
      : [];
  }

  /** At start, before Home Assistant is reachable: reports an interrupted rotation. */
  async load(): Promise<RotationStatus> {
    const journal = await this.readJournal();
    if (journal && !stepReached(journal, 'created')) {
      this.set({
        phase: 'incomplete',
        message: interruptedAtStart(journal.clientName),
        leftoverTokenName: null,
      });
    } else if (journal) {
      const newIsCurrent =
        journal.newTokenId !== null && this.currentTokenId() === journal.newTokenId;
      this.set({
        phase: 'incomplete',
        message: MESSAGES.pendingRecovery,
        leftoverTokenName: newIsCurrent ? null : journal.clientName,
      });
    }
    return this.state;
  }

  /** "Rotate now". An unfinished rotation is finished first instead of starting a second one. */
  rotate(): Promise<RotationStatus> {
    return this.exclusive(async () => {
      const journal = await this.readJournal();
      if (this.newerJournal) return this.state;
      return journal ? this.recover(journal) : this.start();
    });
  }

  /** Once connected at start, and "Retry": finishes or rolls back an interrupted rotation. */
  resume(): Promise<RotationStatus> {
    return this.exclusive(async () => {
      const journal = await this.readJournal();
      return journal ? this.recover(journal) : this.state;
    });
  }

  private exclusive(run: () => Promise<RotationStatus>): Promise<RotationStatus> {
    if (this.running) return this.running;
    this.running = run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async start(): Promise<RotationStatus> {
    const { ha, vault } = this.options;
    const current = vault.currentToken();
    if (current === null) return this.set({ phase: 'not_started', message: MESSAGES.noToken });
    if (this.options.signInOpen?.())
      return this.set({ phase: 'not_started', message: MESSAGES.signingIn });
    this.step('creating');

    let userId: string;
    let oldTokenId: string | null;
    let clientName: string;
    try {
      userId = (await ha.currentUser()).userId;
      const tokens = await ha.listRefreshTokens();
      // The live connection's own entry (is_current) names the token when its payload does not.
      oldTokenId = refreshTokenIdOf(current) ?? tokens.find((t) => t.isCurrent)?.id ?? null;
      const base = rotationClientName(this.options.hostname, new Date(this.options.clock.now()));
      clientName = uniqueClientName(
        base,
        tokens.map((t) => t.clientName),
      );
    } catch (error) {
      this.options.logger?.warn('Token rotation: Home Assistant could not be asked', error);
      return this.set({ phase: 'not_started', message: MESSAGES.unreachable });
    }
    if (oldTokenId === null)
      return this.set({ phase: 'not_started', message: MESSAGES.unidentified });

    let journal: RotationJournal = {
      step: 'started',
      direction: 'forward',
      startedAt: this.options.clock.now(),
      clientName,
      userId,
      oldTokenId,
      newTokenId: null,
    };
    try {
      await this.record(journal);
    } catch (error) {
      this.options.logger?.warn('Token rotation: the journal could not be written', error);
      this.journal = null;
      return this.set({ phase: 'not_started', message: MESSAGES.notRecorded });
    }

    let token: string;
    try {
      token = await ha.createToken(clientName, tokenLifespanDays(this.options.interval()));
    } catch (error) {
      // The call may have created the token before it failed: roll back finds it by its name.
      this.options.logger?.warn('Token rotation: creating the new token failed', error);
      return this.rollBack(journal, MESSAGES.notCreated);
    }
    const newTokenId = refreshTokenIdOf(token);
    if (newTokenId === null) return this.rollBack(journal, MESSAGES.unreadable);

    try {
      journal = await this.record({ ...journal, step: 'created', newTokenId });
      this.step('storing');
      await vault.savePending(token);
      journal = await this.record({ ...journal, step: 'stored' });
    } catch (error) {
      this.options.logger?.warn('Token rotation: storing the new token failed', error);
      return this.rollBack({ ...journal, newTokenId }, MESSAGES.notStored);
    }
    return this.verifyPending(journal);
  }

  /** Where an interrupted rotation goes on: decided by the journal and what the vault holds. */
  private async recover(journal: RotationJournal): Promise<RotationStatus> {
    if (journal.direction === 'back' || !stepReached(journal, 'stored')) {
      return this.rollBack(journal, MESSAGES.interrupted);
    }
    if (journal.newTokenId !== null && this.currentTokenId() === journal.newTokenId) {
      // Promoted (the journal may not have recorded it before the crash).
      if (stepReached(journal, 'revoked')) return this.finish(journal);
      if (stepReached(journal, 'switched')) return this.revokeOld(journal);
      return this.switchLive(journal, this.options.vault.currentToken()!);
    }
    return this.verifyPending(journal);
  }

  private async verifyPending(journal: RotationJournal): Promise<RotationStatus> {
    const pending = this.options.vault.pendingToken();
    if (pending === null || refreshTokenIdOf(pending) !== journal.newTokenId) {
      return this.rollBack(journal, MESSAGES.interrupted);
    }
    this.step('verifying');
    let outcome: VerifyOutcome;
    try {
      outcome = await this.options.ha.verifyToken(pending);
    } catch (error) {
      this.options.logger?.warn('Token rotation: the new token could not be checked', error);
      return this.set({
        phase: 'incomplete',
        message: MESSAGES.cannotVerify,
        leftoverTokenName: journal.clientName,
      });
    }
    if (outcome.kind === 'rejected') return this.rollBack(journal, MESSAGES.rejected);
    if (outcome.userId !== journal.userId) return this.rollBack(journal, MESSAGES.otherUser);

    this.step('switching');
    try {
      journal = await this.record({ ...journal, step: 'verified' });
      await this.options.vault.promotePending();
    } catch (error) {
      // Not promoted for sure only if the vault still holds the old token as current.
      this.options.logger?.warn('Token rotation: making the new token current failed', error);
      if (this.currentTokenId() !== journal.newTokenId)
        return this.rollBack(journal, MESSAGES.notStored);
      return this.set({
        phase: 'incomplete',
        message: MESSAGES.cannotSwitch,
        leftoverTokenName: null,
      });
    }
    try {
      journal = await this.record({ ...journal, step: 'promoted' });
    } catch (error) {
      this.options.logger?.warn('Token rotation: the journal could not be written', error);
      return this.set({
        phase: 'incomplete',
        message: MESSAGES.cannotSwitch,
        leftoverTokenName: null,
      });
    }
    return this.switchLive(journal, pending);
  }

  private async switchLive(journal: RotationJournal, token: string): Promise<RotationStatus> {
    this.step('switching');
    try {
      await this.options.connection.switchToken(token);
      journal = await this.record({ ...journal, step: 'switched' });
    } catch (error) {
      // The old token must keep working until the live connection has left it.
      this.options.logger?.warn('Token rotation: switching the connection failed', error);
      return this.set({
        phase: 'incomplete',
        message: MESSAGES.cannotSwitch,
        leftoverTokenName: null,
      });
    }
    return this.revokeOld(journal);
  }

  private async revokeOld(journal: RotationJournal): Promise<RotationStatus> {
    this.step('revoking');
    if (this.currentTokenId() === journal.oldTokenId) {
      return this.set({ phase: 'revoke_failed', message: MESSAGES.cannotRevoke });
    }
    try {
      await this.options.ha.deleteRefreshToken(journal.oldTokenId);
      journal = await this.record({ ...journal, step: 'revoked' });
    } catch (error) {
      this.options.logger?.warn('Token rotation: revoking the old token failed', error);
      return this.set({ phase: 'revoke_failed', message: MESSAGES.cannotRevoke });
    }
    return this.finish(journal);
  }

  private async finish(journal: RotationJournal): Promise<RotationStatus> {
    await this.close();
    return this.set({
      phase: 'rotated',
      at: this.options.clock.now(),
      tokenName: journal.clientName,
    });
  }

  /** Undo: drop the pending copy and delete the new token in Home Assistant, if one was created. */
  private async rollBack(journal: RotationJournal, message: string): Promise<RotationStatus> {
    this.step('rolling_back');
    const back: RotationJournal = { ...journal, direction: 'back' };
    try {
      await this.record(back);
    } catch (error) {
      this.options.logger?.warn('Token rotation: the journal could not be written', error);
      this.journal = back;
    }
    const { ha, vault } = this.options;
    const currentId = this.currentTokenId();
    try {
      // Only one rotation runs at a time, never beside a sign-in: whatever is pending is ours.
      if (vault.pendingToken() !== null) await vault.discardPending();
      const newTokenId =
        back.newTokenId ??
        (await ha.listRefreshTokens()).find((t) => t.clientName === back.clientName)?.id ??
        null;
      if (newTokenId !== null && newTokenId !== currentId) await ha.deleteRefreshToken(newTokenId);
    } catch (error) {
      this.options.logger?.warn('Token rotation: the unused new token could not be deleted', error);
      return this.set({
        phase: 'incomplete',
        message: leftover(back.clientName),
        leftoverTokenName: back.clientName,
      });
    }
    await this.close();
    return this.set({ phase: 'rolled_back', message });
  }

  private async readJournal(): Promise<RotationJournal | null> {
    try {
      this.journal = await this.options.journal.read();
    } catch (error) {
      if (error instanceof NewerFileError) {
        this.options.logger?.warn('Token rotation: the journal is from a newer HA Tray', error);
        this.newerJournal = true;
        this.set({ phase: 'incomplete', message: MESSAGES.newerJournal, leftoverTokenName: null });
        return null;
      }
      if (!(error instanceof DamagedFileError)) throw error;
      this.options.logger?.warn('Token rotation: the journal is damaged', error);
      await this.close();
      this.set({ phase: 'incomplete', message: MESSAGES.damaged, leftoverTokenName: null });
    }
    return this.journal;
  }

  private async record(journal: RotationJournal): Promise<RotationJournal> {
    await this.options.journal.write(journal);
    this.journal = journal;
    return journal;
  }

  /** A journal left behind by a failed clear is harmless: the next resume finishes it again. */
  private async close(): Promise<void> {
    try {
      await this.options.journal.clear();
      this.journal = null;
    } catch (error) {
      this.options.logger?.warn('Token rotation: the journal could not be removed', error);
    }
  }

  private currentTokenId(): string | null {
    return refreshTokenIdOf(this.options.vault.currentToken());
  }

  private step(step: RotationStep): void {
    this.set({ phase: 'running', step });
  }

  private set(status: RotationStatus): RotationStatus {
    this.state = status;
    this.changes.emit(status);
    return status;
  }
}
