import { isDeepStrictEqual } from 'node:util';
import { Emitter } from '../../shared/emitter';
import type { ReminderStatus, RotationInterval, SnoozeDuration } from '../../shared/token-status';
import type { Clock } from '../ha/clock';
import { logListenerError } from '../log/listener-errors';
import type { Logger } from '../log/logger';
import type { PowerEvents } from './power-events';
import type { ReminderMemoryStore } from './reminder-memory-store';
import type { ReminderMemory } from './reminder-policy';
import { EMPTY_MEMORY, evaluateReminder, memoryForToken, SNOOZE_MS } from './reminder-policy';
import type { TokenFacts } from './token-facts';

export interface ReminderSchedulerOptions {
  clock: Clock;
  power: Pick<PowerEvents, 'onResume'>;
  memory: ReminderMemoryStore;
  /**
   * Shows the reminder notification; called while the reminder is due and none was delivered in
   * the last day. Returns whether it was shown: one held back (quiet hours, a pause) is not
   * counted, so it comes at the next look instead of a day later.
   */
  notify: (status: ReminderStatus) => boolean;
  interval: RotationInterval;
  /**
   * How often the reminder looks again. Timers drift and pause while the computer sleeps, so one
   * long timeout to the due date cannot be trusted: a modest period plus a look on every resume
   * makes a due date that passed during sleep fire on wake.
   */
  checkEveryMs?: number;
  logger?: Logger;
}

const DEFAULT_CHECK_EVERY_MS = 15 * 60_000;
/** Never look again sooner than this, whatever the next change is. */
const MIN_DELAY_MS = 1000;

/**
 * The rotation reminder: evaluates `evaluateReminder` now, on a timer, on resume and whenever the
 * token, the interval or a snooze changes; keeps the snooze and the last notification time across
 * restarts, and tells listeners (tray badge and menu line, settings page) when the status changes.
 */
export class ReminderScheduler {
  private facts: TokenFacts | null = null;
  /** Nothing is evaluated before the first `setToken`: missing facts are not a new token. */
  private factsKnown = false;
  private interval: RotationInterval;
  private memory: ReminderMemory = EMPTY_MEMORY;
  private current: ReminderStatus;
  private timer: unknown = null;
  private started = false;
  private offResume: (() => void) | null = null;
  private writes: Promise<void> = Promise.resolve();
  private readonly changes: Emitter<ReminderStatus>;
  private readonly checkEveryMs: number;

  constructor(private readonly options: ReminderSchedulerOptions) {
    this.interval = options.interval;
    this.checkEveryMs = options.checkEveryMs ?? DEFAULT_CHECK_EVERY_MS;
    this.changes = new Emitter(
      options.logger && logListenerError(options.logger, 'the rotation reminder'),
    );
    this.current = evaluateReminder({
      now: options.clock.now(),
      interval: this.interval,
      facts: null,
      memory: EMPTY_MEMORY,
    }).status;
  }

  /** Loads the remembered snooze and starts looking. */
  async start(): Promise<void> {
    if (this.started) return;
    this.memory = await this.options.memory.read();
    this.started = true;
    this.offResume = this.options.power.onResume(() => this.evaluate());
    this.evaluate();
  }

  status(): ReminderStatus {
    return this.current;
  }

  onChange(listener: (status: ReminderStatus) => void): () => void {
    return this.changes.on(listener);
  }

  /** The stored token changed (saved, rotated, or its name was looked up); null when there is none. */
  setToken(facts: TokenFacts | null): void {
    this.facts = facts;
    this.factsKnown = true;
    this.evaluate();
  }

  setRotationInterval(interval: RotationInterval): void {
    if (interval === this.interval) return;
    this.interval = interval;
    this.evaluate();
  }

  snooze(duration: SnoozeDuration): void {
    this.memory = {
      ...memoryForToken(this.facts, this.memory),
      snoozedUntil: this.options.clock.now() + SNOOZE_MS[duration],
    };
    this.persist();
    this.evaluate();
  }

  /** Resolves once every remembered change is on disk (for an orderly quit). */
  flush(): Promise<void> {
    return this.writes;
  }

  dispose(): void {
    this.offResume?.();
    this.offResume = null;
    if (this.timer !== null) this.options.clock.clearTimeout(this.timer);
    this.timer = null;
    this.started = false;
    this.changes.clear();
  }

  private evaluate(): void {
    if (!this.started || !this.factsKnown) return;
    const now = this.options.clock.now();
    const memory = memoryForToken(this.facts, this.memory);
    if (memory !== this.memory) {
      this.memory = memory;
      this.persist();
    }
    const evaluation = evaluateReminder({
      now,
      interval: this.interval,
      facts: this.facts,
      memory,
    });
    if (evaluation.notify && this.options.notify(evaluation.status)) {
      this.memory = { ...this.memory, lastNotifiedAt: now };
      this.persist();
    }
    this.publish(evaluation.status);
    this.schedule(evaluation.nextChangeAt === null ? null : evaluation.nextChangeAt - now);
  }

  private publish(status: ReminderStatus): void {
    if (isDeepStrictEqual(status, this.current)) return;
    this.current = status;
    this.changes.emit(status);
  }

  private schedule(untilNextChange: number | null): void {
    if (this.timer !== null) this.options.clock.clearTimeout(this.timer);
    const delay = Math.max(MIN_DELAY_MS, Math.min(this.checkEveryMs, untilNextChange ?? Infinity));
    this.timer = this.options.clock.setTimeout(() => {
      this.timer = null;
      this.evaluate();
    }, delay);
  }

  private persist(): void {
    const memory = this.memory;
    this.writes = this.writes
      .then(() => this.options.memory.write(memory))
      .catch((error: unknown) =>
        this.options.logger?.warn('Could not save the rotation reminder state', error),
      );
  }
}
