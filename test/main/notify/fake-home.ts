import type { EntityState } from '../../../src/shared/entity';
import type { FakeClock } from '../../support/fake-clock';
import { state } from './states';

export interface EntityListener {
  snapshot(states: EntityState[]): void;
  change(old: EntityState | undefined, current: EntityState | undefined): void;
}

/**
 * Home Assistant as the notification code sees it: states that change live (while connected) or
 * silently (during an outage), and snapshots on every (re)subscribe. `last_changed` moves only
 * when the state does, `last_updated` on every write, as in Home Assistant.
 */
export class FakeHome {
  private states = new Map<string, EntityState>();
  connected = true;

  constructor(
    private readonly clock: FakeClock,
    private readonly listener: EntityListener,
  ) {}

  /** Sets a state: the listener hears it only while connected. */
  set(entityId: string, value: string, attributes?: Record<string, unknown>): void {
    const old = this.states.get(entityId);
    const now = this.clock.now();
    const changedAt = old && old.state === value ? Date.parse(old.last_changed) : now;
    const next = state(entityId, value, attributes ?? old?.attributes ?? {}, changedAt, now);
    this.states.set(entityId, next);
    if (this.connected) this.listener.change(old, next);
  }

  remove(entityId: string): void {
    const old = this.states.get(entityId);
    this.states.delete(entityId);
    if (this.connected && old) this.listener.change(old, undefined);
  }

  disconnect(): void {
    this.connected = false;
  }

  /** Connects (again) and sends the snapshot. */
  connect(): void {
    this.connected = true;
    this.listener.snapshot([...this.states.values()]);
  }
}
