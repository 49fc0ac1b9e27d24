import { Emitter } from '../../shared/emitter';
import type { NotificationSettings } from '../../shared/notification-rules';
import type { TemperatureUnit } from '../../shared/unit-system';
import type { Clock } from '../ha/clock';
import type { Logger } from '../log/logger';
import { ConnectionAlerts } from './connection-alerts';
import { DailyLimiter } from './daily-limiter';
import { decideDelivery } from './delivery-policy';
import type { NotificationText } from './entity-message';
import { entityMessage } from './entity-message';
import type { ConnectionStatusFeed, EntityFeed } from './feeds';
import type { NotificationKind, NotificationSink } from './notification-sink';
import { pauseForAnHour, pauseUntilTomorrow } from './pause';
import { RulesEngine } from './rules-engine';

export interface NotificationServiceOptions {
  clock: Clock;
  sink: NotificationSink;
  entities: EntityFeed;
  connection: ConnectionStatusFeed;
  settings: NotificationSettings;
  /** For quiet hours and "until tomorrow"; undefined: the system's time zone. */
  timeZone?: string;
  /** The home's temperature unit, for rules on a thermostat's temperatures; undefined: not known. */
  temperatureUnit?: () => TemperatureUnit | undefined;
  /** Shared with the token reminder so that both count one "token rotation due" a day. */
  limiter?: DailyLimiter;
  logger?: Logger;
}

/** Node timers overflow past this (about 24.8 days); a longer pause is re-checked then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Desktop notifications: entity rules, connection alerts and the token reminder's notification,
 * through one delivery policy (pause, quiet hours) to the platform's sink. Pure apart from the
 * injected clock, feeds and sink, so it runs in tests without Electron.
 */
export class NotificationService {
  private settings: NotificationSettings;
  private pausedUntilMs: number | null = null;
  private pauseTimer: unknown = null;
  private readonly pauseChanges = new Emitter<number | null>();
  private readonly engine: RulesEngine;
  private readonly alerts: ConnectionAlerts;
  private readonly limiter: DailyLimiter;
  private unsubscribe: (() => void)[] = [];

  constructor(private readonly options: NotificationServiceOptions) {
    const { clock } = options;
    this.settings = options.settings;
    this.limiter = options.limiter ?? new DailyLimiter();
    this.engine = new RulesEngine({
      clock,
      onFire: (firing) =>
        this.deliver(
          'entity',
          entityMessage(firing, options.temperatureUnit?.()),
          firing.current.entity_id,
        ),
    });
    this.alerts = new ConnectionAlerts({
      clock,
      lostAfterMs: options.settings.connectionAlerts.lostAfterSeconds * 1000,
      show: (kind, text) => this.settings.connectionAlerts.enabled && this.deliver(kind, text),
    });
    this.setSettings(options.settings);
  }

  /** Starts listening; the entities known now are the baseline, not changes. */
  start(): void {
    if (this.unsubscribe.length > 0) return;
    const { entities, connection } = this.options;
    this.engine.snapshot(entities.current());
    this.unsubscribe = [
      entities.onSnapshot((states) => this.engine.snapshot(states)),
      entities.onChange((old, current) => this.engine.change(old, current)),
      connection.onStatus((status) => {
        if (status.state !== 'connected') this.engine.suspend();
        this.alerts.update(status);
      }),
    ];
    this.alerts.update(connection.getStatus());
  }

  /** New settings from the store: rules, quiet hours, connection alerts, a remembered pause. */
  setSettings(settings: NotificationSettings): void {
    this.settings = settings;
    this.engine.setRules(settings.rules);
    this.alerts.setLostAfterMs(settings.connectionAlerts.lostAfterSeconds * 1000);
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
  sendTest(text: NotificationText, entityId?: string): void {
    this.deliver('test', text, entityId);
  }

  /**
   * A notification limited to one a day per kind (the token reminder's), counted only when it
   * was actually shown. Returns whether it was shown.
   */
  showOncePerDay(kind: 'token_rotation_due', text: NotificationText): boolean {
    const now = this.options.clock.now();
    if (!this.limiter.mayShow(kind, now) || !this.deliver(kind, text)) return false;
    this.limiter.recordShown(kind, now);
    return true;
  }

  dispose(): void {
    this.unsubscribe.forEach((off) => off());
    this.unsubscribe = [];
    this.engine.dispose();
    this.alerts.dispose();
    this.clearPauseTimer();
    this.pauseChanges.clear();
  }

  // ---------------------------------------------------------------------------------------------

  private deliver(kind: NotificationKind, text: NotificationText, entityId?: string): boolean {
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
    try {
      this.options.sink.show({ kind, ...text, ...(entityId === undefined ? {} : { entityId }) });
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
