import type { CompressedState } from './serialise';
import { compressState } from './serialise';
import { stateDiff, type StateDiff } from './state-diff';
import type { SimState, StateChange } from './state-machine';

/** A `subscribe_entities` event: entities added, changed and removed. */
export interface EntitiesEvent {
  a?: Record<string, CompressedState>;
  c?: Record<string, StateDiff>;
  r?: string[];
}

interface Pending {
  /** The state the client knows (null: added during this batch). */
  before: SimState | null;
  /** The state now (null: removed). */
  after: SimState | null;
}

/**
 * Gathers the state changes of one moment into one `subscribe_entities` event with several
 * entities. Home Assistant sends one event per change; clients must accept both. Each entity gets
 * one entry, the diff from what the client knows to what is now. An entity removed and added again
 * within a batch splits it, because clients apply `a` before `r`.
 */
export class EntityEventBatch {
  private pending = new Map<string, Pending>();

  constructor(
    private readonly wanted: (entityId: string) => boolean,
    private readonly emit: (event: EntitiesEvent) => void,
    private readonly scheduleFlush: () => void,
  ) {}

  add(change: StateChange): void {
    if (!this.wanted(change.entityId)) return;
    const known = this.pending.get(change.entityId);
    if (known && known.after === null && change.newState !== null) this.flush();
    const entry = this.pending.get(change.entityId);
    if (entry) entry.after = change.newState;
    else this.pending.set(change.entityId, { before: change.oldState, after: change.newState });
    this.scheduleFlush();
  }

  flush(): void {
    if (this.pending.size === 0) return;
    const entries = this.pending;
    this.pending = new Map();
    const event: EntitiesEvent = {};
    for (const [entityId, { before, after }] of entries) {
      if (after === null) {
        if (before !== null) (event.r ??= []).push(entityId);
      } else if (before === null) (event.a ??= {})[entityId] = compressState(after);
      else if (before !== after) (event.c ??= {})[entityId] = stateDiff(before, after);
    }
    if (event.a || event.c || event.r) this.emit(event);
  }
}
