import type { Connection } from 'home-assistant-js-websocket';
import type { Logger } from '../log/logger';

/** The part of a library connection events are followed on. */
export type EventsConnection = Pick<Connection, 'subscribeEvents'>;

/**
 * Some of Home Assistant's events, followed on one connection at a time: following a new
 * connection ends the subscriptions of the one before (the supervisor closes a replaced
 * connection, and then nothing is sent; a live one is told `unsubscribe_events`), and an event
 * that still arrives from it is ignored. A refused subscription (a user who is not an
 * administrator and an event outside Home Assistant's SUBSCRIBE_ALLOWLIST,
 * homeassistant/auth/permissions/events.py) is logged as info and not tried again on that
 * connection.
 */
export class FollowedEvents<C extends EventsConnection> {
  private current: { conn: C; subscriptions: Array<Promise<(() => Promise<void>) | null>> } | null =
    null;

  /** `what`: what the events say changed, for the log ("the unit system"). */
  constructor(
    private readonly logger: Logger,
    private readonly what: string,
  ) {}

  /** Whether `conn` is the connection followed now: answers from an earlier one are stale. */
  isFollowing(conn: C): boolean {
    return this.current?.conn === conn;
  }

  /**
   * Subscribes to `eventTypes` on `conn`, calling `onEvent` for each event. Returns false, doing
   * nothing, for the connection already followed.
   */
  follow(conn: C, eventTypes: readonly string[], onEvent: () => void): boolean {
    if (this.isFollowing(conn)) return false;
    this.stop();
    const subscriptions = eventTypes.map((eventType) =>
      conn
        .subscribeEvents(() => {
          if (this.isFollowing(conn)) onEvent();
        }, eventType)
        .catch((error: unknown) => {
          this.logger.info(
            `Changes of ${this.what} will not be followed: Home Assistant refused ${eventType}`,
            error,
          );
          return null;
        }),
    );
    this.current = { conn, subscriptions };
    return true;
  }

  /** Ends the subscriptions of the connection followed now. */
  stop(): void {
    const current = this.current;
    this.current = null;
    for (const subscription of current?.subscriptions ?? [])
      subscription
        .then((unsubscribe) => unsubscribe?.())
        .catch((error: unknown) => this.logger.debug('Ending an event subscription failed', error));
  }
}
