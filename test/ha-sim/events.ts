import type { EntityContext } from '../../src/shared/entity';
import { haTime, type MicroClock } from './time';

/** An event as `subscribe_events` sends it (`Event.as_dict()`). */
export interface BusEvent {
  event_type: string;
  data: Record<string, unknown>;
  origin: 'LOCAL';
  time_fired: string;
  context: EntityContext;
}

type Listener = (event: BusEvent) => void;

/** `subscribe_events` without an event type listens to every event. */
export const MATCH_ALL = '*';

/**
 * Home Assistant's event bus, reduced to what clients can observe. Listeners run synchronously,
 * like HA's `run_immediately` listeners, so an event is queued to a socket before the result of the
 * command that caused it.
 */
export class EventBus {
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(private readonly clock: MicroClock) {}

  listen(eventType: string, listener: Listener): () => void {
    const set = this.listeners.get(eventType) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(eventType, set);
    return () => set.delete(listener);
  }

  listenerCount(eventType: string): number {
    return this.listeners.get(eventType)?.size ?? 0;
  }

  /** `data` is built only when someone listens: building it for 10,000 entities at start-up is waste. */
  fire(eventType: string, data: () => Record<string, unknown>, context: EntityContext): void {
    const targets = [
      ...(this.listeners.get(eventType) ?? []),
      ...(this.listeners.get(MATCH_ALL) ?? []),
    ];
    if (targets.length === 0) return;
    const event: BusEvent = {
      event_type: eventType,
      data: data(),
      origin: 'LOCAL',
      time_fired: haTime(this.clock.now()),
      context,
    };
    for (const listener of targets) listener(event);
  }
}
