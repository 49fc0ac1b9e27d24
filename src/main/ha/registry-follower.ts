import { runDetached } from '../detached';
import { LeadingThrottle } from '../leading-throttle';
import type { Logger } from '../log/logger';
import type { Clock } from './clock';
import { FLOOR_AND_LABEL_EVENTS_SINCE } from './floor-label-registry';
import { haVersionAtLeast } from './ha-version';
import type { SubscribedConnection, Subscription, SubscriptionLayer } from './subscription-layer';

type Send = <T>(message: { type: string }) => Promise<T>;

/**
 * The registry events a Home Assistant of `haVersion` lets anyone subscribe to
 * (SUBSCRIBE_ALLOWLIST, homeassistant/auth/permissions/events.py): areas, devices and entities
 * always; floors and labels since 2024.8. Categories are allowed too, but HA Tray shows none.
 */
export function registryEventTypes(haVersion: string | undefined): string[] {
  const always = ['area_registry_updated', 'device_registry_updated', 'entity_registry_updated'];
  return haVersionAtLeast(haVersion, ...FLOOR_AND_LABEL_EVENTS_SINCE)
    ? [...always, 'floor_registry_updated', 'label_registry_updated']
    : always;
}

export interface RegistryFollowerOptions {
  clock: Clock;
  logger: Logger;
  subscriptions: SubscriptionLayer;
  /** Reads the registries over this connection (the area directory, then the pages). */
  read: (send: Send, haVersion: string | undefined) => Promise<void>;
  /** A burst of events is read once at its start and once at most per this; default 500 ms. */
  intervalMs?: number;
}

/**
 * Keeps the areas, floors and labels current as Home Assistant's own frontend does
 * (`subscribeAreaRegistry` in home-assistant/frontend's `data/ws-area_registry.ts`): read on every
 * connection, and again when a registry says it changed (a floor renamed or reordered, an area
 * moved to another floor, an entity or a device moved to another area, a label renamed). One
 * subscription per event type on the subscription layer, sharing one read, so a connection costs
 * one read; a burst of events (moving ten entities) costs one read at once and one at the end of
 * the interval.
 */
export class RegistryFollower {
  private readonly subscriptions: Subscription[];
  private readonly reread: LeadingThrottle;
  /** The connection the last event came on: a read waiting for an older one does nothing. */
  private changedOn: SubscribedConnection | null = null;

  constructor(private readonly options: RegistryFollowerOptions) {
    const { clock, logger, intervalMs = 500 } = options;
    this.reread = new LeadingThrottle(clock, intervalMs, () => {
      if (this.changedOn) runDetached(this.read(this.changedOn), logger, 'Reading the areas again');
    });
    const read = (on: SubscribedConnection) => {
      // A new connection reads now: a read still waiting for the one before is void.
      this.reread.cancel();
      this.changedOn = null;
      return this.read(on);
    };
    this.subscriptions = registryEventTypes(undefined).map((eventType) =>
      options.subscriptions.add({
        what: `changes of the registries (${eventType})`,
        message: (on) =>
          registryEventTypes(on.haVersion).includes(eventType)
            ? { type: 'subscribe_events', event_type: eventType }
            : null,
        apply: (_event, { on }) => {
          this.changedOn = on;
          this.reread.request();
        },
        read,
      }),
    );
  }

  /** Ends the subscriptions and any read still waiting. */
  stop(): void {
    this.reread.cancel();
    for (const subscription of this.subscriptions) subscription.remove();
  }

  private async read(on: SubscribedConnection): Promise<void> {
    if (!on.current) return;
    await this.options.read((message) => on.send(message), on.haVersion);
  }
}
