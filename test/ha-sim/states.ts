import { isDeepStrictEqual } from 'node:util';
import type { EntityContext, EntityState } from '../../src/shared/entity';
import { contextId } from './ids';

/** A state as the simulator keeps it: timestamps as epoch milliseconds. */
export interface SimState {
  entity_id: string;
  state: string;
  attributes: Record<string, unknown>;
  lastChanged: number;
  lastUpdated: number;
  context: EntityContext;
}

export type StateChange =
  | { kind: 'added'; entityId: string; state: SimState }
  | { kind: 'changed'; entityId: string; old: SimState; state: SimState }
  | { kind: 'removed'; entityId: string; old: SimState };

export function toEntityState(s: SimState): EntityState {
  return {
    entity_id: s.entity_id,
    state: s.state,
    attributes: structuredClone(s.attributes),
    last_changed: new Date(s.lastChanged).toISOString(),
    last_updated: new Date(s.lastUpdated).toISOString(),
    context: { ...s.context },
  };
}

/**
 * The simulator's states. Like Home Assistant's state machine: writing the same state and
 * attributes is a no-op; a new state value moves last_changed; attribute-only changes move only
 * last_updated. Changes are announced to listeners synchronously, one call per write.
 */
export class StateMachine {
  private readonly states = new Map<string, SimState>();
  private readonly listeners = new Set<(change: StateChange) => void>();

  constructor(private readonly now: () => number = Date.now) {}

  get(entityId: string): SimState | undefined {
    return this.states.get(entityId);
  }

  all(): SimState[] {
    return [...this.states.values()];
  }

  has(entityId: string): boolean {
    return this.states.has(entityId);
  }

  get size(): number {
    return this.states.size;
  }

  set(
    entityId: string,
    state: string,
    attributes?: Record<string, unknown>,
    context: EntityContext = { id: contextId(), parent_id: null, user_id: null },
  ): SimState {
    const old = this.states.get(entityId);
    const attrs = attributes ?? old?.attributes ?? {};
    if (old && old.state === state && isDeepStrictEqual(old.attributes, attrs)) return old;
    const now = this.now();
    const next: SimState = {
      entity_id: entityId,
      state,
      attributes: structuredClone(attrs),
      lastChanged: old && old.state === state ? old.lastChanged : now,
      lastUpdated: now,
      context,
    };
    this.states.set(entityId, next);
    this.emit(
      old
        ? { kind: 'changed', entityId, old, state: next }
        : { kind: 'added', entityId, state: next },
    );
    return next;
  }

  remove(entityId: string): boolean {
    const old = this.states.get(entityId);
    if (!old) return false;
    this.states.delete(entityId);
    this.emit({ kind: 'removed', entityId, old });
    return true;
  }

  subscribe(listener: (change: StateChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: StateChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
