import { isDeepStrictEqual } from 'node:util';
import type { EntityContext } from '../../../src/shared/entity';
import { newContext } from '../context';
import type { EventBus } from '../events';
import type { MicroClock, Micros } from '../time';
import { stateAsDict } from './serialise';

/** A state as the simulator keeps it. */
export interface SimState {
  readonly entity_id: string;
  readonly state: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly lastChanged: Micros;
  readonly lastUpdated: Micros;
  /**
   * 2026.2 only (`State.last_reported`, core.py): the last write, also one that changed nothing,
   * which moves it in place as Home Assistant does. Undefined in 2024.1, which has no such field.
   */
  lastReported?: Micros;
  readonly context: EntityContext;
}

/** One write to the state machine: added (no old state), changed, or removed (no new state). */
export interface StateChange {
  entityId: string;
  oldState: SimState | null;
  newState: SimState | null;
}

/**
 * Home Assistant's state machine (`core.StateMachine`): writing the same state and attributes is a
 * no-op; a new state value moves `last_changed`; an attribute-only change moves only
 * `last_updated`. Every write fires `state_changed` on the bus. With `reportsLastReported`
 * (2026.2) a write that changes nothing still moves `last_reported`, without an event.
 */
export class StateMachine {
  private readonly states = new Map<string, SimState>();
  private readonly listeners = new Set<(change: StateChange) => void>();

  constructor(
    private readonly bus: EventBus,
    private readonly clock: MicroClock,
    private readonly reportsLastReported = false,
  ) {}

  get(entityId: string): SimState | undefined {
    return this.states.get(entityId);
  }

  all(): SimState[] {
    return [...this.states.values()];
  }

  set(
    entityId: string,
    state: string,
    attributes: Record<string, unknown>,
    context: EntityContext = newContext(),
  ): SimState {
    const old = this.states.get(entityId) ?? null;
    if (old && old.state === state && isDeepStrictEqual(old.attributes, attributes)) {
      if (this.reportsLastReported) old.lastReported = this.clock.now();
      return old;
    }
    const now = this.clock.now();
    const next: SimState = {
      entity_id: entityId,
      state,
      attributes: structuredClone(attributes),
      lastChanged: old && old.state === state ? old.lastChanged : now,
      lastUpdated: now,
      ...(this.reportsLastReported ? { lastReported: now } : {}),
      context,
    };
    this.states.set(entityId, next);
    this.announce({ entityId, oldState: old, newState: next }, context);
    return next;
  }

  remove(entityId: string, context: EntityContext = newContext()): boolean {
    const old = this.states.get(entityId);
    if (!old) return false;
    this.states.delete(entityId);
    this.announce({ entityId, oldState: old, newState: null }, context);
    return true;
  }

  /** Typed changes, for `subscribe_entities`; `state_changed` on the bus carries the JSON shape. */
  onChange(listener: (change: StateChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private announce(change: StateChange, context: EntityContext): void {
    for (const listener of this.listeners) listener(change);
    this.bus.fire(
      'state_changed',
      () => ({
        entity_id: change.entityId,
        old_state: change.oldState && stateAsDict(change.oldState),
        new_state: change.newState && stateAsDict(change.newState),
      }),
      context,
    );
  }
}
