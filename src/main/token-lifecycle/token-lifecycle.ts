import type { ConnectionStatus } from '../../shared/connection-status';
import { Emitter } from '../../shared/emitter';
import type {
  ReminderStatus,
  RotationInterval,
  SnoozeDuration,
  TokenStatus,
} from '../../shared/token-status';
import { runDetached } from '../detached';
import type { Clock } from '../ha/clock';
import type { ConnectionSupervisor } from '../ha/connection-supervisor';
import { logListenerError } from '../log/listener-errors';
import type { Logger } from '../log/logger';
import type { TokenVault } from '../vault/token-vault';
import { haTokenCommands } from './ha-token-commands';
import { ManualRotation } from './manual-rotation';
import type { HaTokenPort, RefreshTokenInfo } from './ports';
import type { PowerEvents } from './power-events';
import type { ReminderMemoryStore } from './reminder-memory-store';
import { ReminderScheduler } from './reminder-scheduler';
import type { JournalStore } from './rotation-journal';
import { TokenAudit } from './token-audit';
import { tokenFacts, tokenFactsView } from './token-facts';
import { TokenRotation } from './token-rotation';
import { verifyOutcome } from './verify-outcome';

export interface TokenLifecycleDeps {
  supervisor: ConnectionSupervisor;
  vault: TokenVault;
  clock: Clock;
  power: Pick<PowerEvents, 'onResume'>;
  journal: JournalStore;
  reminderMemory: ReminderMemoryStore;
  hostname: string;
  interval: () => RotationInterval;
  /** Shows the "rotate your token" notification; says whether it was shown (see `ReminderScheduler`). */
  notifyReminder: (status: ReminderStatus) => boolean;
  logger: Logger;
  /** A browser sign-in is unfinished: it holds the vault's pending slot, so no rotation starts. */
  signInOpen?: () => boolean;
}

/**
 * The token's life in the app: what it is (age, expiry, name), when to rotate it, one-click and
 * manual rotation, and the audit of the user's tokens. Wires the token core to the vault and
 * the live connection.
 */
export class TokenLifecycle {
  readonly ha: HaTokenPort;
  readonly rotation: TokenRotation;
  readonly reminder: ReminderScheduler;
  readonly audit: TokenAudit;
  readonly manual: ManualRotation;
  private refreshTokens: RefreshTokenInfo[] = [];
  private readonly changes: Emitter<TokenStatus>;
  private readonly offs: Array<() => void> = [];
  private resumed = false;
  /** Home Assistant answered auth_invalid to the token now stored. */
  private rejected = false;

  constructor(private readonly deps: TokenLifecycleDeps) {
    const { supervisor, vault } = deps;
    this.changes = new Emitter(logListenerError(deps.logger, 'the token status'));
    this.ha = haTokenCommands(supervisor, (token) => verifyOutcome(supervisor.verifyToken(token)));
    this.rotation = new TokenRotation({
      ha: this.ha,
      vault: {
        currentToken: () => vault.token(),
        pendingToken: () => vault.pendingToken(),
        savePending: (token) => vault.savePending(token),
        promotePending: () => vault.promotePending(),
        discardPending: () => vault.discardPending(),
      },
      connection: supervisor,
      journal: deps.journal,
      clock: deps.clock,
      hostname: deps.hostname,
      interval: deps.interval,
      logger: deps.logger,
      signInOpen: deps.signInOpen,
    });
    this.reminder = new ReminderScheduler({
      clock: deps.clock,
      power: deps.power,
      memory: deps.reminderMemory,
      notify: deps.notifyReminder,
      interval: deps.interval(),
      logger: deps.logger,
    });
    this.audit = new TokenAudit({
      ha: this.ha,
      currentToken: () => vault.token(),
      interval: deps.interval,
      clock: deps.clock,
      lockedTokenIds: () => this.rotation.lockedTokenIds(),
      logger: deps.logger,
    });
    this.manual = new ManualRotation({
      ha: this.ha,
      vault: { currentToken: () => vault.token(), saveCurrent: (token) => vault.save(token) },
      connection: supervisor,
      rotationOpen: () => this.rotation.isOpen(),
      logger: deps.logger,
    });
  }

  async start(): Promise<void> {
    this.offs.push(
      this.rotation.onStatus(() => this.emit()),
      this.reminder.onChange(() => this.emit()),
      this.deps.vault.onChange(() => {
        // Another token (or none): Home Assistant's refusal was about the one before.
        this.rejected = false;
        this.refreshFacts();
      }),
      this.deps.supervisor.onStatus((status) =>
        runDetached(this.onConnection(status), this.deps.logger, 'Updating the token facts'),
      ),
    );
    await this.rotation.load();
    // The facts first: a reminder evaluated without them would forget the snooze and the day's limit.
    this.refreshFacts();
    await this.reminder.start();
  }

  status(): TokenStatus {
    const facts = this.currentFacts();
    return {
      facts: facts ? tokenFactsView(facts, this.deps.clock.now()) : null,
      rejected: this.rejected,
      reminder: this.reminder.status(),
      rotation: this.rotation.status(),
    };
  }

  onStatus(listener: (status: TokenStatus) => void): () => void {
    return this.changes.on(listener);
  }

  setInterval(interval: RotationInterval): void {
    this.reminder.setRotationInterval(interval);
  }

  snooze(duration: SnoozeDuration): void {
    this.reminder.snooze(duration);
  }

  /** Stops listening and resolves once the reminder memory and the journal are on disk. */
  async dispose(): Promise<void> {
    this.offs.splice(0).forEach((off) => off());
    this.reminder.dispose();
    this.changes.clear();
    await Promise.all([this.reminder.flush(), this.deps.journal.flush()]);
  }

  private currentFacts() {
    const token = this.deps.vault.token();
    if (!token) return null;
    const savedAt = this.deps.vault.metadata().savedAt;
    return tokenFacts(token, savedAt ? Date.parse(savedAt) : null, this.refreshTokens);
  }

  private refreshFacts(): void {
    this.reminder.setToken(this.currentFacts());
    this.emit();
  }

  /** On each connect: the token's name and creation date from Home Assistant; an interrupted rotation is finished. */
  private async onConnection(status: ConnectionStatus): Promise<void> {
    const rejected = status.state === 'auth_failed';
    if (rejected !== this.rejected && (rejected || status.state === 'connected')) {
      this.rejected = rejected;
      this.emit();
    }
    if (status.state !== 'connected') return;
    try {
      this.refreshTokens = await this.ha.listRefreshTokens();
      const name = this.currentFacts()?.name ?? null;
      if (name && this.deps.vault.metadata().name !== name) await this.deps.vault.setName(name);
      this.refreshFacts();
    } catch (error) {
      this.deps.logger.info('Could not list the tokens of this user', error);
    }
    if (!this.resumed || this.rotation.isOpen()) {
      this.resumed = true;
      if (this.rotation.status().phase === 'incomplete') await this.rotation.resume();
    }
  }

  private emit(): void {
    this.changes.emit(this.status());
  }
}
