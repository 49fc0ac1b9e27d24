import { Emitter } from '../../shared/emitter';
import type { NotificationSettings } from '../../shared/notification-rules';
import type { Clock } from '../ha/clock';
import type { Logger } from '../log/logger';
import { DailyLimiter } from './daily-limiter';
import { decideDelivery } from './delivery-policy';
import type { NotificationText } from './entity-message';
import { InstanceNotifications, type InstanceFeeds } from './instance-notifications';
import type { NotificationKind, NotificationSink } from './notification-sink';
import { pauseForAnHour, pauseUntilTomorrow } from './pause';

export interface NotificationServiceOptions {
  clock: Clock;
  sink: NotificationSink;
  settings: NotificationSettings;
  /** For quiet hours and "until tomorrow"; undefined: the system's time zone. */
  timeZone?: string;
  /** Shared with the token reminder so that both count one "token rotation due" a day. */
  limiter?: DailyLimiter;
  /**
   * The name a notification about this instance carries in its title, or null while HA Tray
   * follows one Home Assistant alone (its notifications look as they always did).
   */
  instanceName?: (key: string) => string | null;
  logger?: Logger;
}

/** Which instance, and which of its entities, a notification is about. */
export interface NotificationSubject {
  instance: string;
  entityId?: string;
}

/** Node timers overflow past this (about 24.8 days); a longer pause is re-checked then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Desktop notifications: every instance's entity rules and connection alerts, and the token
 * reminder's notification, through one delivery policy (pause, quiet hours, for all instances at
 * once) to the platform's sink. Pure apart from the injected clock, feeds and sink, so it runs in
 * tests without Electron.
 */
export class NotificationService {
  private settings: NotificationSettings;
  private pausedUntilMs: number | null = null;
  private pauseTimer: unknown = null;
  private readonly pauseChanges = new Emitter<number | null>();
  private readonly limiter: DailyLimiter;
  private readonly watches = new Set<InstanceNotifications>();

  constructor(private readonly options: NotificationServiceOptions) {
    this.settings = options.settings;
    this.limiter = options.limiter ?? new DailyLimiter();
    this.setSettings(options.settings);
  }

  /**
   * Notifications about one instance: its rules on its entities and its connection alerts, from
   * `start()` on (the entities known then are the baseline, not changes) until `dispose()`.
   */
  watch(feeds: InstanceFeeds): InstanceNotifications {
    const watch: InstanceNotifications = new InstanceNotifications(feeds, {
      clock: this.options.clock,
      lostAfterMs: this.settings.connectionAlerts.lostAfterSeconds * 1000,
      alertsEnabled: () => this.settings.connectionAlerts.enabled,
      deliver: (kind, text, entityId) =>
        this.deliver(kind, text, { instance: feeds.key, entityId }),
      onDispose: () => this.watches.delete(watch),
    });
    this.watches.add(watch);
    return watch;
  }

  /** New settings from the store: quiet hours, connection alerts, a remembered pause. */
  setSettings(settings: NotificationSettings): void {
    this.settings = settings;
    for (const watch of this.watches)
      watch.setLostAfterMs(settings.connectionAlerts.lostAfterSeconds * 1000);
    const until = settings.pausedUntil === null ? null : Date.parse(settings.pausedUntil);
    if (until !== this.pausedUntilMs) this.applyPause(until, false);
  }

  /** Epoch ms until which notifications are paused, or null. */
  pausedUntil(): number | null {
    return this.pausedUntilMs !== null && this.options.clock.now() < this.pausedUntilMs
      ? this.pausedUntilMs
      : null;
  }

  /** Called when a pause starts or ends (also when it runs out): to persist it and redraw the tray. */
  onPauseChange(listener: (until: number | null) => void): () => void {
    return this.pauseChanges.on(listener);
  }

  pauseForAnHour(): number {
    const until = pauseForAnHour(this.options.clock.now());
    this.applyPause(until, true);
    return until;
  }

  /** Until the next morning: see `pauseUntilTomorrow`. */
  pauseUntilTomorrow(): number {
    const now = this.options.clock.now();
    const until = pauseUntilTomorrow(now, this.settings.quietHours, this.options.timeZone);
    this.applyPause(until, true);
    return until;
  }

  resume(): void {
    if (this.pausedUntilMs !== null) this.applyPause(null, true);
  }

  /** "Send test notification": shown even while paused or in quiet hours. */
  sendTest(text: NotificationText, subject?: NotificationSubject): void {
    this.deliver('test', text, subject);
  }

  /**
   * A notification limited to one a day per kind (the token reminder's), counted only when it
   * was actually shown. Returns whether it was shown.
   */
  showOncePerDay(
    kind: 'token_rotation_due',
    text: NotificationText,
    subject: NotificationSubject,
  ): boolean {
    const now = this.options.clock.now();
    // Counted per instance: one instance's reminder does not use up another's.
    const counted = `${kind}@${subject.instance}`;
    if (!this.limiter.mayShow(counted, now) || !this.deliver(kind, text, subject)) return false;
    this.limiter.recordShown(counted, now);
    return true;
  }

  dispose(): void {
    for (const watch of [...this.watches]) watch.dispose();
    this.clearPauseTimer();
    this.pauseChanges.clear();
  }

  // ---------------------------------------------------------------------------------------------

  private deliver(
    kind: NotificationKind,
    text: NotificationText,
    subject?: NotificationSubject,
  ): boolean {
    const decision = decideDelivery(kind, {
      now: this.options.clock.now(),
      pausedUntil: this.pausedUntilMs,
      quietHours: this.settings.quietHours,
      timeZone: this.options.timeZone,
    });
    if (!decision.deliver) {
      this.options.logger?.debug(`Held back the ${kind} notification (${decision.reason})`);
      return false;
    }
    const name = subject ? (this.options.instanceName?.(subject.instance) ?? null) : null;
    const title = name === null ? text.title : `${name}: ${text.title}`;
    try {
      this.options.sink.show({
        kind,
        title,
        body: text.body,
        ...(subject === undefined ? {} : { instance: subject.instance }),
        ...(subject?.entityId === undefined ? {} : { entityId: subject.entityId }),
      });
      return true;
    } catch (error) {
      this.options.logger?.warn(`Showing the ${kind} notification failed`, error);
      return false;
    }
  }

  private applyPause(until: number | null, announce: boolean): void {
    this.clearPauseTimer();
    const now = this.options.clock.now();
    this.pausedUntilMs = until !== null && until > now ? until : null;
    if (this.pausedUntilMs !== null) this.schedulePauseEnd(this.pausedUntilMs);
    if (announce) this.announcePause();
  }

  private schedulePauseEnd(until: number): void {
    const delay = Math.min(until - this.options.clock.now(), MAX_TIMER_MS);
    this.pauseTimer = this.options.clock.setTimeout(() => {
      this.pauseTimer = null;
      if (this.options.clock.now() < until) return this.schedulePauseEnd(until);
      this.pausedUntilMs = null;
      this.announcePause();
    }, delay);
  }

  private announcePause(): void {
    this.pauseChanges.emit(this.pausedUntilMs);
  }

  private clearPauseTimer(): void {
    if (this.pauseTimer !== null) this.options.clock.clearTimeout(this.pauseTimer);
    this.pauseTimer = null;
  }
}
