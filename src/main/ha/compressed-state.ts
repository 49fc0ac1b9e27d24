import type { EntityContext, EntityState } from '../../shared/entity';

/** The `subscribe_entities` wire formats (see docs/ha-protocol.md §3). */
export interface CompressedState {
  s: string;
  a?: Record<string, unknown>;
  c?: string | Partial<EntityContext>;
  lc?: number;
  lu?: number;
}

export interface CompressedDiff {
  '+'?: Partial<CompressedState>;
  '-'?: { a?: string[] };
}

export interface EntitiesEvent {
  a?: Record<string, CompressedState>;
  c?: Record<string, CompressedDiff>;
  r?: string[];
}

const iso = (seconds: number | undefined) => new Date((seconds ?? 0) * 1000).toISOString();

function expandContext(c: CompressedState['c']): EntityContext {
  if (typeof c === 'string') return { id: c, parent_id: null, user_id: null };
  return { id: c?.id ?? '', parent_id: c?.parent_id ?? null, user_id: c?.user_id ?? null };
}

export function expandState(entityId: string, compressed: CompressedState): EntityState {
  return {
    entity_id: entityId,
    state: String(compressed.s),
    attributes: compressed.a ?? {},
    last_changed: iso(compressed.lc),
    // `lu` is only sent when it differs from `lc`.
    last_updated: iso(compressed.lu ?? compressed.lc),
    context: expandContext(compressed.c),
  };
}

/** Applies one `c` entry to a state, as home-assistant-js-websocket's entities.ts does. */
export function applyDiff(state: EntityState, diff: CompressedDiff): EntityState {
  const next: EntityState = {
    ...state,
    attributes: { ...state.attributes },
    context: { ...state.context },
  };
  const plus = diff['+'];
  if (plus) {
    if (plus.s !== undefined) next.state = String(plus.s);
    if (plus.c !== undefined) {
      next.context =
        typeof plus.c === 'string'
          ? { ...next.context, id: plus.c }
          : { ...next.context, ...plus.c };
    }
    if (plus.lc !== undefined) next.last_changed = next.last_updated = iso(plus.lc);
    else if (plus.lu !== undefined) next.last_updated = iso(plus.lu);
    if (plus.a) Object.assign(next.attributes, plus.a);
  }
  for (const key of diff['-']?.a ?? []) delete next.attributes[key];
  return next;
}
