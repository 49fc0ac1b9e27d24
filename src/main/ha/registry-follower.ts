import type { Connection } from 'home-assistant-js-websocket';
import { runDetached } from '../detached';
import { LeadingThrottle } from '../leading-throttle';
import type { Logger } from '../log/logger';
import type { Clock } from './clock';
import { FLOOR_AND_LABEL_EVENTS_SINCE } from './floor-label-registry';
import { FollowedEvents } from './followed-events';
import { haVersionAtLeast } from './ha-version';

/** The part of a library connection the registries are read and followed on. */
export type RegistryConnection = Pick<
  Connection,
  'subscribeEvents' | 'sendMessagePromise' | 'haVersion'
>;

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
  /** Reads the registries over this connection (the area directory, then the pages). */
  read: (send: Send, haVersion: string | undefined) => Promise<void>;
  /** A burst of events is read once at its start and once at most per this; default 500 ms. */
  intervalMs?: number;
}

/**
 * Keeps the areas, floors and labels current as Home Assistant's own frontend does
 * (`subscribeAreaRegistry` in home-assistant/frontend's `data/ws-area_registry.ts`): read on every
 * connection, and again when a registry says it changed (a floor renamed or reordered, an area
 * moved to another floor, an entity or a device moved to another area, a label renamed). A burst
 * of events (moving ten entities) costs one read at once and one at the end of the interval; an
 * event type Home Assistant refuses is logged once per connection and not asked for again.
 */
export class RegistryFollower {
  private readonly events: FollowedEvents<RegistryConnection>;
  private reread: LeadingThrottle | null = null;

  constructor(private readonly options: RegistryFollowerOptions) {
    this.events = new FollowedEvents(options.logger, 'the areas, floors and labels');
  }

  /** A new connection: reads now and follows its registry events; the same one again: nothing. */
  async follow(conn: RegistryConnection): Promise<void> {
    const { clock, logger, intervalMs = 500 } = this.options;
    const reread = new LeadingThrottle(clock, intervalMs, () =>
      runDetached(this.read(conn), logger, 'Reading the areas again'),
    );
    if (!this.events.follow(conn, registryEventTypes(conn.haVersion), () => reread.request()))
      return;
    this.reread?.cancel();
    this.reread = reread;
    await this.read(conn);
  }

  /** Ends the subscriptions and any read still waiting. */
  stop(): void {
    this.reread?.cancel();
    this.reread = null;
    this.events.stop();
  }

  private async read(conn: RegistryConnection): Promise<void> {
    if (!this.events.isFollowing(conn)) return;
    await this.options.read((message) => conn.sendMessagePromise(message), conn.haVersion);
  }
}
