import { isDeepStrictEqual } from 'node:util';
import type { EntityState } from '../../shared/entity';
import type { EntitiesEvent } from './compressed-state';
import { applyDiff, expandState } from './compressed-state';

export interface EntityChange {
  entityId: string;
  /** undefined: the entity was added. */
  old: EntityState | undefined;
  /** undefined: the entity was removed. */
  state: EntityState | undefined;
}

export interface StoreUpdate {
  /** True when a (re)subscribe replaced the store: its changes are not live events. */
  snapshot: boolean;
  /** True when entities came or went: lists of every entity need reading again. */
  membership: boolean;
  changes: EntityChange[];
}

type EntityListener = (state: EntityState | undefined) => void;

/**
 * The entities of the connected Home Assistant, fed by `subscribe_entities`. Every snapshot
 * replaces the store, so entities removed while disconnected do not survive as ghosts
 * (home-assistant-js-websocket#769). Listeners are per entity id, so the tray and the
 * notification rules wake only for what they watch.
 */
export class EntityStore {
  private entities = new Map<string, EntityState>();
  private readonly byEntity = new Map<string, Set<EntityListener>>();
  private readonly updateListeners = new Set<(update: StoreUpdate) => void>();

  get(entityId: string): EntityState | undefined {
    return this.entities.get(entityId);
  }

  all(): EntityState[] {
    return [...this.entities.values()];
  }

  get size(): number {
    return this.entities.size;
  }

  /** A snapshot (the first event of a subscription): the store becomes exactly this. */
  replace(snapshot: EntitiesEvent['a']): void {
    const next = new Map<string, EntityState>();
    for (const [id, compressed] of Object.entries(snapshot ?? {}))
      next.set(id, expandState(id, compressed));
    const changes: EntityChange[] = [];
    for (const [id, state] of next) {
      const old = this.entities.get(id);
      if (!old || !isDeepStrictEqual(old, state)) changes.push({ entityId: id, old, state });
    }
    for (const [id, old] of this.entities)
      if (!next.has(id)) changes.push({ entityId: id, old, state: undefined });
    this.entities = next;
    this.publish({ snapshot: true, membership: true, changes });
  }

  /** A later event: additions, diffs and removals. Diffs for unknown entities are ignored. */
  apply(event: EntitiesEvent): void {
    const changes: EntityChange[] = [];
    let membership = false;
    for (const [id, compressed] of Object.entries(event.a ?? {})) {
      membership = true;
      const state = expandState(id, compressed);
      changes.push({ entityId: id, old: this.entities.get(id), state });
      this.entities.set(id, state);
    }
    for (const [id, diff] of Object.entries(event.c ?? {})) {
      const old = this.entities.get(id);
      if (!old) continue;
      const state = applyDiff(old, diff);
      this.entities.set(id, state);
      changes.push({ entityId: id, old, state });
    }
    for (const id of event.r ?? []) {
      const old = this.entities.get(id);
      if (!old) continue;
      this.entities.delete(id);
      membership = true;
      changes.push({ entityId: id, old, state: undefined });
    }
    if (changes.length > 0) this.publish({ snapshot: false, membership, changes });
  }

  /** Empties the store, e.g. when the user connects to another Home Assistant. */
  clear(): void {
    this.replace({});
  }

  /** Called with the entity's new state (undefined once removed) whenever it changes. */
  subscribe(entityId: string, listener: EntityListener): () => void {
    let set = this.byEntity.get(entityId);
    if (!set) this.byEntity.set(entityId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.byEntity.delete(entityId);
    };
  }

  /** Called once per event or snapshot with every change it brought. */
  onUpdate(listener: (update: StoreUpdate) => void): () => void {
    this.updateListeners.add(listener);
    return () => this.updateListeners.delete(listener);
  }

  private publish(update: StoreUpdate): void {
    for (const change of update.changes) {
      this.byEntity.get(change.entityId)?.forEach((listener) => listener(change.state));
    }
    if (update.changes.length > 0 || update.snapshot)
      this.updateListeners.forEach((listener) => listener(update));
  }
}
