import { isDeepStrictEqual } from 'node:util';
import { Emitter } from '../../shared/emitter';
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

export interface EntityStoreOptions {
  /** Entities a snapshot takes in one go before the event loop gets a turn. */
  sliceSize?: number;
  /** Lets the event loop run, then calls `next`; tests pass a manual one. */
  yieldToLoop?: (next: () => void) => void;
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
  /** A snapshot being taken in slices, and the events that wait for it. */
  private ingest: { queued: EntitiesEvent[] } | null = null;
  private readonly sliceSize: number;
  private readonly yieldToLoop: (next: () => void) => void;

  constructor(options: EntityStoreOptions = {}) {
    this.sliceSize = options.sliceSize ?? 2000;
    this.yieldToLoop = options.yieldToLoop ?? ((next) => void setImmediate(next));
  }

  private readonly byEntity = new Map<string, Emitter<EntityState | undefined>>();
  private readonly updates = new Emitter<StoreUpdate>();

  get(entityId: string): EntityState | undefined {
    return this.entities.get(entityId);
  }

  all(): EntityState[] {
    return [...this.entities.values()];
  }

  get size(): number {
    return this.entities.size;
  }

  /**
   * A snapshot (the first event of a subscription): the store becomes exactly this. A big one is
   * taken in slices of `sliceSize` entities with the event loop free in between, so 30,000
   * entities never hold up the main process for long; until it is in, the store keeps the old
   * states, and events that arrive meanwhile wait for it and are applied after it, in order.
   * `taken` runs once the store is the snapshot, with the events that waited for it (not when a
   * later snapshot overtook it).
   */
  replace(snapshot: EntitiesEvent['a'], taken?: () => void): void {
    const ingest = { entries: Object.entries(snapshot ?? {}), queued: [] as EntitiesEvent[] };
    this.ingest = ingest;
    const next = new Map<string, EntityState>();
    const changes: EntityChange[] = [];
    const slice = (from: number) => {
      if (this.ingest !== ingest) return;
      const to = Math.min(from + this.sliceSize, ingest.entries.length);
      for (let i = from; i < to; i++) {
        const [id, compressed] = ingest.entries[i]!;
        const state = expandState(id, compressed);
        next.set(id, state);
        const old = this.entities.get(id);
        if (!old || !sameState(old, state)) changes.push({ entityId: id, old, state });
      }
      if (to < ingest.entries.length) return this.yieldToLoop(() => slice(to));
      for (const [id, old] of this.entities)
        if (!next.has(id)) changes.push({ entityId: id, old, state: undefined });
      this.entities = next;
      this.ingest = null;
      this.publish({ snapshot: true, membership: true, changes });
      for (const event of ingest.queued) this.apply(event);
      taken?.();
    };
    slice(0);
  }

  /** A later event: additions, diffs and removals. Diffs for unknown entities are ignored. */
  apply(event: EntitiesEvent): void {
    if (this.ingest) {
      this.ingest.queued.push(event);
      return;
    }
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
    let changes = this.byEntity.get(entityId);
    if (!changes) this.byEntity.set(entityId, (changes = new Emitter()));
    const off = changes.on(listener);
    return () => {
      off();
      if (changes.size === 0) this.byEntity.delete(entityId);
    };
  }

  /** Called once per event or snapshot with every change it brought. */
  onUpdate(listener: (update: StoreUpdate) => void): () => void {
    return this.updates.on(listener);
  }

  private publish(update: StoreUpdate): void {
    for (const change of update.changes) {
      this.byEntity.get(change.entityId)?.emit(change.state);
    }
    if (update.changes.length > 0 || update.snapshot) this.updates.emit(update);
  }
}

/**
 * Whether a snapshot brought nothing new for an entity. Attributes are compared key by key, and
 * only nested values (lists, objects) deeply: node's isDeepStrictEqual on every whole state was
 * most of the cost of a snapshot.
 */
function sameState(a: EntityState, b: EntityState): boolean {
  if (
    a.state !== b.state ||
    a.last_changed !== b.last_changed ||
    a.last_updated !== b.last_updated ||
    a.context.id !== b.context.id ||
    a.context.parent_id !== b.context.parent_id ||
    a.context.user_id !== b.context.user_id
  )
    return false;
  const keys = Object.keys(a.attributes);
  if (keys.length !== Object.keys(b.attributes).length) return false;
  for (const key of keys) {
    const x = a.attributes[key];
    const y = b.attributes[key];
    if (x === y && (x !== undefined || key in b.attributes)) continue;
    if (typeof x !== 'object' || x === null || !isDeepStrictEqual(x, y)) return false;
  }
  return true;
}
