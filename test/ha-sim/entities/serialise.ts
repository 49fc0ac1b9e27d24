import type { EntityContext, EntityState } from '../../../src/shared/entity';
import { epochSeconds, haTime } from '../time';
import type { SimState } from './state-machine';

/** A state as Home Assistant sends it; `last_reported` from 2024.3 on. */
export type SimEntityState = EntityState & { last_reported?: string };

/**
 * `State.as_dict()`: what `get_states`, REST and `state_changed` events carry; `last_reported`
 * between `last_changed` and `last_updated` in 2026.2, as `State._as_dict` (core.py) orders it.
 */
export function stateAsDict(s: SimState): SimEntityState {
  return {
    entity_id: s.entity_id,
    state: s.state,
    attributes: structuredClone(s.attributes) as Record<string, unknown>,
    last_changed: haTime(s.lastChanged),
    ...(s.lastReported === undefined ? {} : { last_reported: haTime(s.lastReported) }),
    last_updated: haTime(s.lastUpdated),
    context: { ...s.context },
  };
}

/** `State.as_compressed_state`, the entries of `subscribe_entities`' `a`. */
export interface CompressedState {
  s: string;
  a: Record<string, unknown>;
  c: string | EntityContext;
  lc: number;
  lu?: number;
}

/** A context travels as its bare id when it has neither parent nor user. */
export function compressContext(context: EntityContext): string | EntityContext {
  return context.parent_id === null && context.user_id === null ? context.id : { ...context };
}

export function compressState(s: SimState): CompressedState {
  const compressed: CompressedState = {
    s: s.state,
    a: s.attributes as Record<string, unknown>,
    c: compressContext(s.context),
    lc: epochSeconds(s.lastChanged),
  };
  if (s.lastUpdated !== s.lastChanged) compressed.lu = epochSeconds(s.lastUpdated);
  return compressed;
}
