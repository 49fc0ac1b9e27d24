import type { NotificationRule } from '../../shared/notification-rules';
import type { TemperatureUnit } from '../../shared/unit-system';
import type { Clock } from '../ha/clock';
import { ConnectionAlerts, type ConnectionAlertKind } from './connection-alerts';
import type { NotificationText } from './entity-message';
import { entityMessage } from './entity-message';
import type { ConnectionStatusFeed, EntityFeed } from './feeds';
import { RulesEngine } from './rules-engine';

/** What one Home Assistant gives its notifications: its key, entity updates and connection. */
export interface InstanceFeeds {
  /** HA Tray's key for the instance: its notifications carry it, so a click opens its pages. */
  key: string;
  entities: EntityFeed;
  connection: ConnectionStatusFeed;
  rules: readonly NotificationRule[];
  /** The home's temperature unit, for rules on a thermostat's temperatures; undefined: not known. */
  temperatureUnit?: () => TemperatureUnit | undefined;
}

/** How an instance's notifications reach the app-wide delivery (pause, quiet hours, the sink). */
export interface InstanceDelivery {
  clock: Clock;
  lostAfterMs: number;
  /** Whether connection alerts are on (a setting for every instance). */
  alertsEnabled(): boolean;
  deliver(kind: 'entity' | ConnectionAlertKind, text: NotificationText, entityId?: string): boolean;
  onDispose(): void;
}

/**
 * One instance's notifications: its rules on its entities, and its connection alerts. A fault in
 * one instance (a ban, a lost connection) alerts about that one alone; the others' rules go on.
 */
export class InstanceNotifications {
  private readonly engine: RulesEngine;
  private readonly alerts: ConnectionAlerts;
  private unsubscribe: (() => void)[] = [];

  constructor(
    private readonly feeds: InstanceFeeds,
    private readonly delivery: InstanceDelivery,
  ) {
    this.engine = new RulesEngine({
      clock: delivery.clock,
      onFire: (firing) =>
        delivery.deliver(
          'entity',
          entityMessage(firing, feeds.temperatureUnit?.()),
          firing.current.entity_id,
        ),
    });
    this.engine.setRules(feeds.rules);
    this.alerts = new ConnectionAlerts({
      clock: delivery.clock,
      lostAfterMs: delivery.lostAfterMs,
      show: (kind, text) => delivery.alertsEnabled() && delivery.deliver(kind, text),
    });
  }

  /** Starts listening; the entities known now are the baseline, not changes. */
  start(): void {
    if (this.unsubscribe.length > 0) return;
    const { entities, connection } = this.feeds;
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

  /** The enabled rules replace the current ones; unchanged rules keep cooldowns and timers. */
  setRules(rules: readonly NotificationRule[]): void {
    this.engine.setRules(rules);
  }

  setLostAfterMs(ms: number): void {
    this.alerts.setLostAfterMs(ms);
  }

  dispose(): void {
    this.unsubscribe.forEach((off) => off());
    this.unsubscribe = [];
    this.engine.dispose();
    this.alerts.dispose();
    this.delivery.onDispose();
  }
}
